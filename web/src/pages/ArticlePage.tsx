import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { apiUrl, type Analysis, type ArticleAnswer, type BlockKind, type LinkedArticle, type Span } from "../api";
import { Link } from "../components/Link";
import { MarkedText, speakerLabel, type MarkContext, type MarkData } from "../components/MarkedText";
import { Async } from "../components/Status";
import { ExternalUrl, Untrusted, UntrustedBlock } from "../components/Untrusted";
import { nestMarks, type Mark, type MarkKind } from "../highlight";
import { useDocumentTitle } from "../useDocumentTitle";
import { useApi } from "../useApi";
import { ellipsis, formatDate, formatSimilarity, LONG_TITLE, plural } from "../format";

export function ArticlePage(props: { id: string }) {
  const fetched = useApi<ArticleAnswer>(apiUrl(`articles/${encodeURIComponent(props.id)}`));
  useDocumentTitle(fetched?.state === "done" ? fetched.data.article.title : "Article");
  return (
    <Async fetched={fetched} what="the article">
      {(answer) => <ArticleView answer={answer} />}
    </Async>
  );
}

function ArticleView(props: { answer: ArticleAnswer }) {
  const { article, analysis, entityLinks } = props.answer;
  const context = useMemo(() => markContext(analysis, entityLinks), [analysis, entityLinks]);
  const allMarks = useMemo(() => collectMarks(analysis), [analysis]);
  // The legend doubles as a switch: an analyst who only wants the quotes can turn the names off.
  const [hidden, setHidden] = useState<ReadonlySet<MarkKind>>(new Set());
  const marks = useMemo(() => allMarks.filter((m) => !hidden.has(m.kind)), [allMarks, hidden]);
  const toggle = (kind: MarkKind) => {
    const next = new Set(hidden);
    if (!next.delete(kind)) next.add(kind);
    setHidden(next);
  };
  return (
    <div class="reader">
      <article class="reader-text" lang={article.language || undefined}>
        <ArticleMetaLine answer={props.answer} />
        <Legend hidden={hidden} onToggle={toggle} />
        {analysis.blocks.map((block, i) => (
          <Block key={i} kind={block.kind} span={block} text={analysis.text} marks={marks} context={context} />
        ))}
      </article>
      <aside class="reader-panels" aria-label="What the article says">
        <StoryPanel answer={props.answer} />
        <QuotePanel analysis={analysis} context={context} />
        <EntityPanel analysis={analysis} context={context} />
      </aside>
    </div>
  );
}

function ArticleMetaLine(props: { answer: ArticleAnswer }) {
  const { article } = props.answer;
  return (
    <p class="meta">
      {article.source ? <Untrusted class="source" text={article.source} /> : null}
      {article.published ? <span class="published">{formatDate(article.published)}</span> : null}
      {article.section ? <Untrusted class="section" text={article.section} /> : null}
      <ExternalUrl url={article.url} />
    </p>
  );
}

const LEGEND: { kind: MarkKind; label: string }[] = [
  { kind: "quote", label: "quote" },
  { kind: "speaker", label: "speaker" },
  { kind: "cue", label: "cue" },
  { kind: "entity", label: "entity" },
  { kind: "date", label: "date" },
  { kind: "amount", label: "amount" },
];

/** The colours of the marks, each a toggle button that shows or hides that kind in the text. */
function Legend(props: { hidden: ReadonlySet<MarkKind>; onToggle: (kind: MarkKind) => void }) {
  return (
    <ul class="legend" aria-label="Legend: press to show or hide a kind of mark">
      {LEGEND.map((item) => {
        const shown = !props.hidden.has(item.kind);
        return (
          <li key={item.kind}>
            <button type="button" class={`legend-toggle mark mark-${item.kind}${shown ? "" : " off"}`} aria-pressed={shown} onClick={() => props.onToggle(item.kind)}>
              {item.label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}


function Block(props: { kind: BlockKind; span: Span; text: string; marks: Mark<MarkData>[]; context: MarkContext }) {
  const { span, text } = props;
  const nodes = useMemo(() => nestMarks(props.marks, span.start, span.end), [props.marks, span.start, span.end]);
  const content = <MarkedText text={text} nodes={nodes} from={span.start} to={span.end} context={props.context} />;
  const cls = `block block-${props.kind} untrusted`;
  switch (props.kind) {
    case "title":
      return <TitleBlock long={span.end - span.start > LONG_TITLE}>{content}</TitleBlock>;
    case "heading":
      return <h2 class={cls} dir="auto">{content}</h2>;
    case "byline":
    case "dateline":
    case "caption":
    case "related":
    case "label":
    case "footer":
    case "credit":
    case "note":
      return (
        <p class={cls} dir="auto">
          <span class="block-label">{props.kind === "related" ? "teaser" : props.kind === "label" ? "section" : props.kind}</span>
          {content}
        </p>
      );
    case "blockquote":
      return <blockquote class={cls} dir="auto">{content}</blockquote>;
    case "separator":
      return <hr class={cls} />;
    case "paragraph":
    default:
      return <p class={cls} dir="auto">{content}</p>;
  }
}

function TitleBlock(props: { long: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <h1 class={`block block-title untrusted${props.long && !open ? " clamped" : ""}`} dir="auto">
        {props.children}
      </h1>
      {props.long ? (
        <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "Shorten the title" : "Show the whole title"}
        </button>
      ) : null}
    </>
  );
}

/** Where the article stands among the others: its story, the article it repeats, the articles that repeat it. */
function StoryPanel(props: { answer: ArticleAnswer }) {
  const { story, duplicateOf, duplicates } = props.answer;
  if (!story && !duplicateOf && duplicates.length === 0) return null;
  return (
    <section class="panel panel-story" aria-labelledby="panel-story">
      <h2 id="panel-story">Story</h2>
      {story ? (
        <p class="story-link">
          Part of the story{" "}
          <Link href={`/stories/${story.id}`}>
            <Untrusted text={story.label} fallback={`Story ${story.id}`} />
          </Link>{" "}
          <span class="count">{plural(story.articles, "article")}</span>
        </p>
      ) : null}
      {duplicateOf ? (
        <p class="duplicate-of">
          A copy ({formatSimilarity(duplicateOf.similarity)}) of <RelatedArticle article={duplicateOf} />
        </p>
      ) : null}
      {duplicates.length > 0 ? (
        <>
          <p>Repeated by {plural(duplicates.length, "copy", "copies")}:</p>
          <ul class="duplicates">
            {duplicates.map((d) => (
              <li key={d.id}>
                <RelatedArticle article={d} /> <span class="similarity">{formatSimilarity(d.similarity)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RelatedArticle(props: { article: LinkedArticle }) {
  const { article } = props;
  return (
    <>
      <Link href={`/articles/${encodeURIComponent(article.id)}`} class="clamp">
        <Untrusted text={ellipsis(article.title, LONG_TITLE)} fallback="(untitled)" />
      </Link>{" "}
      <span class="meta-inline">
        <Untrusted class="source" text={article.source} fallback="unknown source" />, {formatDate(article.published)}
      </span>
    </>
  );
}

function QuotePanel(props: { analysis: Analysis; context: MarkContext }) {
  const { quotes } = props.analysis;
  return (
    <section class="panel" aria-labelledby="panel-quotes">
      <h2 id="panel-quotes">Quotes ({quotes.length})</h2>
      {quotes.length === 0 ? <p class="empty">No quotes found in this article.</p> : null}
      <ol class="panel-quotes">
        {quotes.map((quote) => {
          const speaker = speakerLabel(quote, props.context);
          const target = props.context.entityHref(quote.speaker);
          return (
            <li key={quote.id}>
              <span class="panel-speaker">
                {target ? <Link href={target}><Untrusted text={speaker} /></Link> : <Untrusted text={speaker} />}
              </span>{" "}
              <span class="kind">{quote.kind}</span>
              <UntrustedBlock as="blockquote" class="panel-quote-text">
                <a href={`#quote-${quote.id}`} class="quiet">{ellipsis(quote.text, 240)}</a>
              </UntrustedBlock>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function EntityPanel(props: { analysis: Analysis; context: MarkContext }) {
  const entities = [...props.analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  return (
    <section class="panel" aria-labelledby="panel-entities">
      <h2 id="panel-entities">Entities ({entities.length})</h2>
      {entities.length === 0 ? <p class="empty">No entities found in this article.</p> : null}
      <ul class="panel-entities">
        {entities.map((entity) => {
          const target = props.context.entityHref(entity.id);
          const name = <Untrusted text={entity.name} />;
          return (
            <li key={entity.id}>
              {target ? <Link href={target}>{name}</Link> : name} <span class={`type entity-${entity.type}`}>{entity.type}</span>{" "}
              <span class="count" title="mentions">×{entity.mentions.length}</span>
              {entity.titles.length ? <span class="titles"> — <Untrusted text={entity.titles.join(", ")} /></span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function markContext(analysis: Analysis, links: ArticleAnswer["entityLinks"]): MarkContext {
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  return {
    entityName: (id) => (id === null ? null : (names.get(id) ?? null)),
    entityHref: (id) => {
      const target = id === null ? undefined : links?.[id];
      return target === undefined || target === null ? null : `/entities/${encodeURIComponent(String(target))}`;
    },
  };
}

/** Every mark of the article: quotes with their cue and speaker words, entity mentions, dates, amounts. */
function collectMarks(analysis: Analysis): Mark<MarkData>[] {
  const marks: Mark<MarkData>[] = [];
  for (const quote of analysis.quotes) {
    marks.push({ kind: "quote", start: quote.start, end: quote.end, data: { kind: "quote", quote } });
    if (quote.cueSpan) marks.push({ kind: "cue", ...spanOf(quote.cueSpan), data: { kind: "cue", quote } });
    if (quote.sourceSpan) marks.push({ kind: "speaker", ...spanOf(quote.sourceSpan), data: { kind: "speaker", quote } });
  }
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) marks.push({ kind: "entity", ...spanOf(mention), data: { kind: "entity", entity } });
  }
  for (const timex of analysis.timexes) marks.push({ kind: "date", ...spanOf(timex), data: { kind: "date", timex } });
  for (const amount of analysis.amounts) marks.push({ kind: "amount", ...spanOf(amount), data: { kind: "amount", amount } });
  return marks;
}

function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}
