import type { ComponentChildren } from "preact";
import type { Amount, ArticleEntity, ArticleQuote, Timex } from "../api";
import type { MarkNode } from "../highlight";
import { onLinkClick } from "../router";

export type MarkData =
  | { kind: "quote"; quote: ArticleQuote }
  | { kind: "speaker"; quote: ArticleQuote }
  | { kind: "cue"; quote: ArticleQuote }
  | { kind: "entity"; entity: ArticleEntity }
  | { kind: "date"; timex: Timex }
  | { kind: "amount"; amount: Amount };

/** What marks need from the article beyond their own data: names and pages of entities. */
export interface MarkContext {
  entityName(id: string | null): string | null;
  /** The entity page of an article entity, or null when the store has no cross-article record for it. */
  entityHref(id: string | null): string | null;
}

/** Renders `text[from, to)` with its marks: the gaps as text nodes, each mark as an element around its children. */
export function MarkedText(props: { text: string; nodes: MarkNode<MarkData>[]; from: number; to: number; context: MarkContext }) {
  return <>{renderRange(props.text, props.nodes, props.from, props.to, props.context, false)}</>;
}

function renderRange(text: string, nodes: MarkNode<MarkData>[], from: number, to: number, context: MarkContext, inLink: boolean): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = from;
  for (const node of nodes) {
    if (node.start > at) out.push(text.slice(at, node.start));
    out.push(renderMark(text, node, context, inLink));
    at = node.end;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

function renderMark(text: string, node: MarkNode<MarkData>, context: MarkContext, inLink: boolean): ComponentChildren {
  const data = node.mark.data;
  const key = `${node.mark.kind}:${node.start}`;
  // A link inside a link is invalid HTML (the browser would tear the outer one apart): inner marks stay spans.
  const link = (target: string | null) => (inLink ? null : target);
  switch (data.kind) {
    case "quote": {
      const speaker = speakerLabel(data.quote, context);
      const children = renderRange(text, node.children, node.start, node.end, context, inLink);
      return (
        <span
          key={key}
          class={`mark mark-quote quote-${data.quote.kind}`}
          id={node.continued ? undefined : `quote-${data.quote.id}`}
          data-quote={data.quote.id}
          data-speaker={speaker}
          title={`${speaker} (${data.quote.kind} quote${data.quote.cue ? `, “${data.quote.cue}”` : ""})`}
        >
          {children}
        </span>
      );
    }
    case "speaker": {
      const speaker = speakerLabel(data.quote, context);
      const target = link(context.entityHref(data.quote.speaker));
      const children = renderRange(text, node.children, node.start, node.end, context, inLink || target !== null);
      if (target === null) {
        return (
          <span key={key} class="mark mark-speaker" title={`Speaker: ${speaker}`}>
            {children}
          </span>
        );
      }
      return (
        <a key={key} class="mark mark-speaker" href={target} onClick={onLinkClick} title={`Speaker: ${speaker} (open their page)`}>
          {children}
        </a>
      );
    }
    case "cue":
      return (
        <span key={key} class="mark mark-cue" title={`Cue: ${data.quote.cue ?? ""}`}>
          {renderRange(text, node.children, node.start, node.end, context, inLink)}
        </span>
      );
    case "entity": {
      const target = link(context.entityHref(data.entity.id));
      const title = `${data.entity.name} (${data.entity.type})`;
      const children = renderRange(text, node.children, node.start, node.end, context, inLink || target !== null);
      const cls = `mark mark-entity entity-${data.entity.type}`;
      if (target === null) {
        return (
          <span key={key} class={cls} title={title}>
            {children}
          </span>
        );
      }
      return (
        // Out of the Tab order: a name can be mentioned fifty times, and the entity panel has the same links once each.
        <a key={key} class={cls} href={target} onClick={onLinkClick} title={title} tabIndex={-1}>
          {children}
        </a>
      );
    }
    case "date":
      return (
        <span key={key} class="mark mark-date" data-value={data.timex.value} title={`${data.timex.value}${data.timex.mod ? ` (${data.timex.mod})` : ""} · ${data.timex.type}`}>
          {renderRange(text, node.children, node.start, node.end, context, inLink)}
        </span>
      );
    case "amount":
      return (
        <span key={key} class="mark mark-amount" title={amountLabel(data.amount)}>
          {renderRange(text, node.children, node.start, node.end, context, inLink)}
        </span>
      );
  }
}

export function speakerLabel(quote: ArticleQuote, context: MarkContext): string {
  return context.entityName(quote.speaker) ?? quote.speakerText ?? "unknown speaker";
}

function amountLabel(amount: Amount): string {
  const mod = amount.mod ? `${amount.mod} ` : "";
  return `${mod}${amount.value.toLocaleString("en")} ${amount.unit}`;
}
