import { apiUrl, type Page, type StorySummary } from "../api";
import { FilterForm, publishedFields } from "../components/FilterForm";
import { Link } from "../components/Link";
import { offsetParam, Pager } from "../components/Pager";
import { Async } from "../components/Status";
import { Untrusted } from "../components/Untrusted";
import { ellipsis, formatSpan, LONG_TITLE, plural } from "../format";
import type { Location } from "../router";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

const PAGE = 20;

/** The stories, newest first (by their last article): each a link to its outlet-by-outlet page. */
export function StoriesPage(props: { location: Location }) {
  const { query } = props.location;
  const params = { entity: query.get("entity") ?? "", from: query.get("from") ?? "", to: query.get("to") ?? "" };
  const offset = offsetParam(query);
  const fetched = useApi<Page<StorySummary>>(apiUrl("stories", { ...params, limit: PAGE, offset }));
  useDocumentTitle(params.entity ? `Stories: ${params.entity}` : "Stories");
  return (
    <>
      <h1>Stories</h1>
      <FilterForm
        action="/stories"
        label="Filter stories"
        fields={[
          { name: "entity", label: "Naming", type: "search", value: params.entity, placeholder: "Putin" },
          ...publishedFields(params.from, params.to),
        ]}
        submit="Filter"
      />
      <Async fetched={fetched} what="the stories">
        {(page) => (
          <>
            {page.items.length === 0 ? <p class="empty">No story matches.</p> : null}
            <ol class="stories">
              {page.items.map((story) => (
                <StoryItem key={story.id} story={story} />
              ))}
            </ol>
            <Pager path="/stories" params={params} offset={offset} limit={PAGE} next={page.next} />
          </>
        )}
      </Async>
    </>
  );
}

function StoryItem(props: { story: StorySummary }) {
  const { story } = props;
  return (
    <li class="story-item">
      <h2 class="story-headline clamp">
        <Link href={`/stories/${story.id}`}>
          <Untrusted text={ellipsis(story.headline ?? `Story ${story.id}`, LONG_TITLE)} />
        </Link>
      </h2>
      {story.label ? <Untrusted class="story-label" text={story.label} /> : null}
      <p class="meta">
        <span class="story-counts">
          {plural(story.articles, "article")} · {plural(story.outlets, "outlet")}
          {story.duplicates > 0 ? ` · ${plural(story.duplicates, "duplicate")}` : ""}
        </span>
        <span class="published" title="published">{formatSpan(story.firstPublished, story.lastPublished)}</span>
      </p>
    </li>
  );
}
