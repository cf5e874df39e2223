import { apiUrl, type Page, type TimelineItem } from "../api";
import { FilterForm } from "../components/FilterForm";
import { Link } from "../components/Link";
import { offsetParam, Pager } from "../components/Pager";
import { SpeakerLink } from "../components/QuoteList";
import { Async } from "../components/Status";
import { Untrusted, UntrustedBlock } from "../components/Untrusted";
import { formatDate } from "../format";
import type { Location } from "../router";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

const PAGE = 50;

export function TimelinePage(props: { location: Location }) {
  const { query } = props.location;
  const params = { entity: query.get("entity") ?? "", q: query.get("q") ?? "" };
  const offset = offsetParam(query);
  const ready = params.entity !== "" || params.q !== "";
  const fetched = useApi<Page<TimelineItem>>(ready ? apiUrl("timeline", { ...params, limit: PAGE, offset }) : null);
  useDocumentTitle(`Timeline${params.entity ? `: ${params.entity}` : params.q ? `: ${params.q}` : ""}`);
  return (
    <>
      <h1>Timeline</h1>
      <FilterForm
        action="/timeline"
        label="Timeline of an entity or a search"
        fields={[
          { name: "entity", label: "Entity", type: "search", value: params.entity, placeholder: "Putin" },
          { name: "q", label: "or words", type: "search", value: params.q, placeholder: "summit" },
        ]}
        submit="Show"
      />
      {ready ? null : <p class="hint">Statements ordered by the time they refer to, with the day they were published beside them.</p>}
      <Async fetched={fetched} what="the timeline">
        {(page) => (
          <>
            {page.items.length === 0 ? <p class="empty">Nothing dated matches.</p> : null}
            <ol class="timeline">
              {page.items.map((item, i) => (
                <TimelineEntry key={`${item.articleId}:${i}`} item={item} />
              ))}
            </ol>
            <Pager path="/timeline" params={params} offset={offset} limit={PAGE} next={page.next} />
          </>
        )}
      </Async>
    </>
  );
}

function TimelineEntry(props: { item: TimelineItem }) {
  const { item } = props;
  return (
    <li class="timeline-entry">
      <div class="timeline-when">
        <span class="timeline-date" title={`TIMEX3 value ${item.value}`}>{item.date}</span>
        <Untrusted class="timeline-as-written" text={`“${item.when}”`} />
      </div>
      <div class="timeline-what">
        <UntrustedBlock as="p" class="statement">{item.statement}</UntrustedBlock>
        <p class="meta">
          {item.speaker ? <SpeakerLink name={item.speaker} id={item.speakerId} /> : null}
          <Link href={`/articles/${encodeURIComponent(item.articleId)}`} class="clamp">
            <Untrusted text={item.title} fallback="(untitled)" />
          </Link>
          <Untrusted class="source" text={item.source} fallback="unknown source" />
          <span class="published" title="published">published {formatDate(item.published)}</span>
        </p>
      </div>
    </li>
  );
}
