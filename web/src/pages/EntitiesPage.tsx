import { apiUrl, type EntitySummary, type Page } from "../api";
import { FilterForm } from "../components/FilterForm";
import { Link } from "../components/Link";
import { offsetParam, Pager } from "../components/Pager";
import { Async } from "../components/Status";
import { Untrusted } from "../components/Untrusted";
import type { Location } from "../router";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

const PAGE = 20;

export function EntitiesPage(props: { location: Location }) {
  const name = props.location.query.get("name") ?? "";
  const offset = offsetParam(props.location.query);
  const fetched = useApi<Page<EntitySummary>>(name ? apiUrl("entities", { name, limit: PAGE, offset }) : null);
  useDocumentTitle(name ? `Entities: ${name}` : "Entities");
  return (
    <>
      <h1>People, organisations and places</h1>
      <FilterForm action="/entities" label="Find entities" fields={[{ name: "name", label: "Name or alias", type: "search", value: name, placeholder: "Putin", required: true }]} submit="Find" />
      <Async fetched={fetched} what="the entities">
        {(page) => (
          <>
            {page.items.length === 0 ? <p class="empty">No entity goes by that name.</p> : null}
            <ul class="entities">
              {page.items.map((e) => (
                <li key={e.id}>
                  <Link href={`/entities/${encodeURIComponent(String(e.id))}`}>
                    <Untrusted text={e.name} />
                  </Link>{" "}
                  <span class={`type entity-${e.type}`}>{e.type}</span>{" "}
                  <span class="count">
                    {e.articles} articles, {e.quotes} quotes
                  </span>
                  {e.aliases.length > 1 ? <span class="aliases"> — also <Untrusted text={e.aliases.filter((a) => a !== e.name).join(", ")} /></span> : null}
                </li>
              ))}
            </ul>
            <Pager path="/entities" params={{ name }} offset={offset} limit={PAGE} next={page.next} />
          </>
        )}
      </Async>
    </>
  );
}
