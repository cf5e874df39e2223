import type { Quote } from "../api";
import { formatDate } from "../format";
import { Link } from "./Link";
import { Untrusted, UntrustedBlock } from "./Untrusted";

/** Quotes as the quote bank, the entity page and the timeline show them: speaker, words, and the article. */
export function QuoteList(props: { quotes: Quote[]; showSpeaker?: boolean }) {
  if (props.quotes.length === 0) return <p class="empty">No quotes.</p>;
  return (
    <ol class="quotes">
      {props.quotes.map((quote) => (
        <QuoteItem key={`${quote.articleId}:${quote.start}`} quote={quote} showSpeaker={props.showSpeaker ?? true} />
      ))}
    </ol>
  );
}

function QuoteItem(props: { quote: Quote; showSpeaker: boolean }) {
  const { quote } = props;
  return (
    <li class={`quote quote-${quote.kind}`}>
      {props.showSpeaker ? (
        <p class="quote-speaker">
          <SpeakerLink name={quote.speaker} id={quote.speakerId} /> <span class="kind">{quote.kind}</span>
          {quote.cue ? <span class="cue"> · <Untrusted text={quote.cue} /></span> : null}
        </p>
      ) : null}
      <UntrustedBlock as="blockquote" class="quote-text">
        {quote.text}
      </UntrustedBlock>
      <p class="meta">
        <Link href={`/articles/${encodeURIComponent(quote.articleId)}`} class="quote-article clamp">
          <Untrusted text={quote.title} fallback="(untitled)" />
        </Link>
        <Untrusted class="source" text={quote.source} fallback="unknown source" />
        <span class="published">{formatDate(quote.published)}</span>
      </p>
    </li>
  );
}

export function SpeakerLink(props: { name: string | null; id: number | string | null }) {
  const name = <Untrusted class="speaker" text={props.name} fallback="unknown speaker" />;
  if (props.id === null || props.id === undefined) return name;
  return <Link href={`/entities/${encodeURIComponent(String(props.id))}`}>{name}</Link>;
}
