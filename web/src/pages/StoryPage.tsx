import { apiUrl, type OutletCoverage, type StoryArticle, type StoryDetail, type StoryTimelineItem } from "../api";
import { Link } from "../components/Link";
import { SpeakerLink } from "../components/QuoteList";
import { Async } from "../components/Status";
import { Untrusted, UntrustedBlock } from "../components/Untrusted";
import { ellipsis, formatDate, formatSimilarity, formatSpan, LONG_TITLE, plural } from "../format";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

export function StoryPage(props: { id: string }) {
  const fetched = useApi<StoryDetail>(apiUrl(`stories/${encodeURIComponent(props.id)}`));
  useDocumentTitle(fetched?.state === "done" ? (fetched.data.headline ?? `Story ${fetched.data.id}`) : "Story");
  return (
    <Async fetched={fetched} what="the story">
      {(story) => <StoryView story={story} />}
    </Async>
  );
}

/** Where each of the story's articles stands: its outlet, for naming a copy's original. */
interface Placed extends StoryArticle {
  outlet: string | null;
}

const articleHref = (id: string) => `/articles/${encodeURIComponent(id)}`;

function StoryView(props: { story: StoryDetail }) {
  const { story } = props;
  const placed = story.outlets.flatMap((o) => o.articles.map((a): Placed => ({ ...a, outlet: o.outlet })));
  const byId = new Map(placed.map((a) => [a.id, a]));
  return (
    <div class="story">
      <h1 class="untrusted clamp" dir="auto">
        {ellipsis(story.headline ?? `Story ${story.id}`, LONG_TITLE)}
      </h1>
      <dl class="facts">
        {story.label ? (
          <>
            <dt>About</dt>
            <dd>
              <Untrusted text={story.label} />
            </dd>
          </>
        ) : null}
        <dt>Coverage</dt>
        <dd>
          {plural(story.articles, "article")} from {plural(story.outletCount, "outlet")}
          {story.duplicates > 0 ? `, ${plural(story.duplicates, "duplicate")}` : ""} · published {formatSpan(story.firstPublished, story.lastPublished)}
        </dd>
      </dl>
      <section aria-labelledby="story-outlets">
        <h2 id="story-outlets">Outlet by outlet</h2>
        <p class="hint">In order of first publication. Quotes and names count as “only here” when no other outlet of the story has them.</p>
        <div class="outlets">
          {story.outlets.map((outlet, i) => (
            <OutletCard key={`${outlet.outlet ?? ""}:${i}`} index={i} outlet={outlet} all={placed} byId={byId} compared={story.outlets.length > 1} />
          ))}
        </div>
      </section>
      <section aria-labelledby="story-timeline">
        <h2 id="story-timeline">Timeline</h2>
        <StoryTimeline items={story.timeline} />
      </section>
    </div>
  );
}

function OutletCard(props: { index: number; outlet: OutletCoverage; all: Placed[]; byId: Map<string, Placed>; compared: boolean }) {
  const { outlet, byId } = props;
  const headingId = `outlet-${props.index}`;
  const own = new Set(outlet.articles.map((a) => a.id));
  // A copy of an original of this same outlet is folded under that original; a copy of another outlet's article (or of
  // a copy) stands as a folded copy of its own.
  const foldedUnderOriginal = (a: StoryArticle) => a.duplicateOf !== null && own.has(a.duplicateOf) && byId.get(a.duplicateOf)?.duplicateOf === null;
  const shown = outlet.articles.filter((a) => !foldedUnderOriginal(a)).map((a): Placed => ({ ...a, outlet: outlet.outlet }));
  return (
    <section class="outlet-card" aria-labelledby={headingId}>
      <h3 id={headingId} class="outlet-name">
        <Untrusted text={outlet.outlet} fallback="unknown outlet" />
      </h3>
      <p class="meta">
        <span class="published" title="first published">{formatDate(outlet.firstPublished)}</span>
      </p>
      <UntrustedBlock as="p" class="outlet-headline clamp">
        {ellipsis(outlet.headline || "(untitled)", LONG_TITLE)}
      </UntrustedBlock>
      <ul class="outlet-articles">
        {shown.map((article) => (
          <li key={article.id}>
            {article.duplicateOf === null ? (
              <OriginalArticle article={article} copies={props.all.filter((c) => c.duplicateOf === article.id)} />
            ) : (
              <CopyOfAnother article={article} originalId={article.duplicateOf} original={byId.get(article.duplicateOf) ?? null} />
            )}
          </li>
        ))}
      </ul>
      <Comparison outlet={outlet} compared={props.compared} />
    </section>
  );
}

function ArticleLink(props: { article: { id: string; title: string; published: string | null } }) {
  const { article } = props;
  return (
    <>
      <Link href={articleHref(article.id)} class="story-article clamp">
        <Untrusted text={ellipsis(article.title, LONG_TITLE)} fallback="(untitled)" />
      </Link>
      <span class="published">{formatDate(article.published)}</span>
    </>
  );
}

/** An original with its copies folded under it: closed until asked for, since a wire story may have dozens. */
function OriginalArticle(props: { article: Placed; copies: Placed[] }) {
  return (
    <>
      <ArticleLink article={props.article} />
      {props.copies.length > 0 ? (
        <details class="copies">
          <summary>{plural(props.copies.length, "copy", "copies")}</summary>
          <ul>
            {props.copies.map((copy) => (
              <li key={copy.id}>
                <Untrusted class="source" text={copy.outlet} fallback="unknown outlet" />: <ArticleLink article={copy} />{" "}
                <span class="similarity">{formatSimilarity(copy.similarity)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** A copy whose original another outlet carries (or that is outside this story): folded, naming what it repeats. */
function CopyOfAnother(props: { article: Placed; originalId: string; original: Placed | null }) {
  const { article, original } = props;
  return (
    <details class="copy">
      <summary>
        A copy of {original ? <Untrusted class="source" text={original.outlet} fallback="an unknown outlet" /> : "an article outside this story"}
        {original ? "’s article" : ""} · <span class="similarity">{formatSimilarity(article.similarity)}</span>
      </summary>
      <ArticleLink article={article} />
      <p class="copy-of">
        repeats{" "}
        {original ? (
          <ArticleLink article={original} />
        ) : (
          <Link href={articleHref(props.originalId)}>the original</Link>
        )}
      </p>
    </details>
  );
}

/** Who the outlet quoted and how often, the quotes and names no other outlet of the story has. */
function Comparison(props: { outlet: OutletCoverage; compared: boolean }) {
  const { outlet } = props;
  return (
    <div class="comparison">
      <h4>Quoted</h4>
      {outlet.speakers.length === 0 ? (
        <p class="empty">Nobody.</p>
      ) : (
        <ul class="outlet-speakers">
          {outlet.speakers.map((s, i) => (
            <li key={`${s.entityId ?? s.name}:${i}`}>
              <SpeakerLink name={s.name} id={s.entityId} /> <span class="count" title="quotes">×{s.quotes}</span>
            </li>
          ))}
        </ul>
      )}
      {props.compared ? (
        <>
          <h4>Quotes only here</h4>
          {outlet.onlyQuotes.length === 0 ? (
            <p class="empty">None.</p>
          ) : (
            <ul class="only-quotes">
              {outlet.onlyQuotes.map((q, i) => (
                <li key={i}>
                  <Untrusted class="speaker" text={q.speaker} fallback="unknown speaker" />
                  <UntrustedBlock as="blockquote" class="clamp">
                    {q.text}
                  </UntrustedBlock>
                </li>
              ))}
            </ul>
          )}
          <h4>Names only here</h4>
          {outlet.onlyEntities.length === 0 ? (
            <p class="empty">None.</p>
          ) : (
            <ul class="only-entities">
              {outlet.onlyEntities.map((e) => (
                <li key={e.entityId}>
                  <Link href={`/entities/${encodeURIComponent(String(e.entityId))}`}>
                    <Untrusted text={e.name} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}

function StoryTimeline(props: { items: StoryTimelineItem[] }) {
  if (props.items.length === 0) return <p class="empty">No statement of the story refers to a date.</p>;
  return (
    <ol class="timeline">
      {props.items.map((item, i) => (
        <li key={`${item.articleId}:${i}`} class="timeline-entry">
          <div class="timeline-when">
            <span class="timeline-date" title={`TIMEX3 value ${item.value}${item.mod ? ` (${item.mod})` : ""}`}>{item.date}</span>
            <Untrusted class="timeline-as-written" text={`“${item.when}”`} />
          </div>
          <div class="timeline-what">
            <UntrustedBlock as="p" class="statement">{item.statement}</UntrustedBlock>
            <p class="meta">
              <Untrusted class="source" text={item.outlet} fallback="unknown outlet" />
              <Link href={articleHref(item.articleId)} class="clamp">
                <Untrusted text={ellipsis(item.title, LONG_TITLE)} fallback="(untitled)" />
              </Link>
              <span class="published" title="published">published {formatDate(item.published)}</span>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
