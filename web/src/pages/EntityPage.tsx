import { apiUrl, type EntityProfile } from "../api";
import { CooccurrenceGraph } from "../components/CooccurrenceGraph";
import { Link } from "../components/Link";
import { QuoteList } from "../components/QuoteList";
import { Async } from "../components/Status";
import { Untrusted } from "../components/Untrusted";
import { WeeklyChart } from "../components/WeeklyChart";
import { formatCount, formatDate } from "../format";
import { href } from "../router";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

export function EntityPage(props: { id: string }) {
  const fetched = useApi<EntityProfile>(apiUrl(`entities/${encodeURIComponent(props.id)}`));
  useDocumentTitle(fetched?.state === "done" ? fetched.data.name : "Entity");
  return (
    <Async fetched={fetched} what="the entity">
      {(entity) => <EntityView entity={entity} />}
    </Async>
  );
}

function EntityView(props: { entity: EntityProfile }) {
  const { entity } = props;
  return (
    <div class="entity">
      <h1 class="untrusted" dir="auto">
        {entity.name} <span class={`type entity-${entity.type}`}>{entity.type}</span>
      </h1>
      <dl class="facts">
        <Fact label="Also called" values={entity.aliases.filter((a) => a !== entity.name)} />
        <Fact label="Titles" values={entity.titles} />
        <Fact label="Affiliations" values={entity.affiliations} />
        <dt>In the store</dt>
        <dd>
          {formatCount(entity.articles)} articles
          {entity.mentions !== undefined ? `, ${formatCount(entity.mentions)} mentions` : ""}, {formatCount(entity.quotes)} quotes
          {entity.firstSeen ? ` · from ${formatDate(entity.firstSeen)} to ${formatDate(entity.lastSeen)}` : ""} ·{" "}
          <Link href={href("/quotes", { speakerId: entity.id, speaker: entity.name })}>all their quotes</Link> ·{" "}
          <Link href={href("/timeline", { entity: entity.name })}>timeline</Link>
        </dd>
      </dl>
      <section aria-labelledby="entity-chart">
        <h2 id="entity-chart">Quotes per week</h2>
        <WeeklyChart weeks={entity.quotesPerWeek} label={`Quotes by ${entity.name} per week`} />
      </section>
      <section aria-labelledby="entity-graph">
        <h2 id="entity-graph">Appears with</h2>
        {entity.cooccurring.length === 0 ? (
          <p class="empty">No other entity shares an article with this one.</p>
        ) : (
          <>
            <CooccurrenceGraph entity={entity} />
            <ul class="cooccurring">
              {entity.cooccurring.map((c) => (
                <li key={c.id}>
                  <Link href={`/entities/${encodeURIComponent(String(c.id))}`}>
                    <Untrusted text={c.name} />
                  </Link>{" "}
                  <span class={`type entity-${c.type}`}>{c.type}</span> <span class="count">{c.articles} shared</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="entity-quotes">
        <h2 id="entity-quotes">Recent quotes</h2>
        <QuoteList quotes={entity.recentQuotes} showSpeaker={false} />
      </section>
    </div>
  );
}

function Fact(props: { label: string; values: string[] }) {
  if (props.values.length === 0) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        {props.values.map((v, i) => (
          <span key={i} class="fact-value">
            <Untrusted text={v} />
          </span>
        ))}
      </dd>
    </>
  );
}
