import { apiUrl, type Page, type SearchHit, type SnippetSegment } from "../api";
import { FilterForm, publishedFields } from "../components/FilterForm";
import { Link } from "../components/Link";
import { offsetParam, Pager } from "../components/Pager";
import { Async } from "../components/Status";
import { Untrusted, UntrustedBlock } from "../components/Untrusted";
import { formatDate } from "../format";
import type { Location } from "../router";
import { useSources } from "../stats";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

const PAGE = 20;

export function SearchPage(props: { location: Location }) {
  const { query } = props.location;
  const params = { q: query.get("q") ?? "", from: query.get("from") ?? "", to: query.get("to") ?? "", source: query.get("source") ?? "" };
  const offset = offsetParam(query);
  const fetched = useApi<Page<SearchHit>>(params.q ? apiUrl("search", { ...params, limit: PAGE, offset }) : null);
  const sources = useSources();
  useDocumentTitle(params.q ? `Search: ${params.q}` : "Search");
  return (
    <>
      <h1>Search the articles</h1>
      <FilterForm
        action="/search"
        label="Search articles"
        fields={[
          { name: "q", label: "Words", type: "search", value: params.q, placeholder: "Putin Xi, \"trade turnover\", -Biden", required: true },
          ...publishedFields(params.from, params.to),
          { name: "source", label: "Source", value: params.source, options: sources },
        ]}
      />
      {params.q ? null : <p class="hint">Words, a “phrase” in quotes, -word to exclude, or: as a web search engine reads them.</p>}
      <Async fetched={fetched} what="the results">
        {(page) => (
          <>
            {page.items.length === 0 ? <p class="empty">No article matches.</p> : null}
            <ol class="results" start={offset + 1}>
              {page.items.map((hit) => (
                <SearchResult key={hit.id} hit={hit} />
              ))}
            </ol>
            <Pager path="/search" params={params} offset={offset} limit={PAGE} next={page.next} />
          </>
        )}
      </Async>
    </>
  );
}

function SearchResult(props: { hit: SearchHit }) {
  const { hit } = props;
  return (
    <li class="result">
      <h2 class="result-title clamp">
        <Link href={`/articles/${encodeURIComponent(hit.id)}`}>
          <Untrusted text={hit.title} fallback="(untitled)" />
        </Link>
      </h2>
      <p class="meta">
        <Untrusted class="source" text={hit.source} fallback="unknown source" />
        <span class="published">{formatDate(hit.published)}</span>
      </p>
      <Snippet segments={hit.snippet} />
    </li>
  );
}

/**
 * The snippet's segments as text, the matched words in <mark>: never parsed as HTML. Each segment is isolated,
 * since a snippet joins passages from all over the article and an RTL override in one must not reorder the next.
 */
export function Snippet(props: { segments: SnippetSegment[] }) {
  return (
    <UntrustedBlock as="p" class="snippet clamp">
      {props.segments.map((segment, i) =>
        segment.hit ? (
          <mark key={i} class="untrusted" dir="auto">
            {segment.text}
          </mark>
        ) : (
          <span key={i} class="untrusted" dir="auto">
            {segment.text}
          </span>
        ),
      )}
    </UntrustedBlock>
  );
}
