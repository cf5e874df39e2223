import { formatCount } from "../format";
import { href, navigate, onLinkClick, type Location } from "../router";
import { useStats } from "../stats";
import { Link } from "./Link";

const NAV: { path: string; label: string }[] = [
  { path: "/search", label: "Search" },
  { path: "/quotes", label: "Quote bank" },
  { path: "/entities", label: "Entities" },
  { path: "/timeline", label: "Timeline" },
  { path: "/stories", label: "Stories" },
];

/** The header: a skip link, the app's sections, the quick search box (`/` focuses it) and the store's stats. */
export function Header(props: { location: Location }) {
  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    if (q) navigate(href("/search", { q }));
  };
  const current = props.location.path === "/" ? "/search" : props.location.path;
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">Skip to content</a>
      <Link href="/" class="brand">newsgraph</Link>
      <form class="quick-search" role="search" aria-label="Quick search" action="/search" method="get" onSubmit={onSearch}>
        <label for="search-box" class="visually-hidden">Search articles</label>
        <input id="search-box" name="q" type="search" placeholder="Search articles (press /)" defaultValue={props.location.path === "/search" ? (props.location.query.get("q") ?? "") : ""} key={props.location.path + props.location.query.get("q")} dir="auto" />
      </form>
      <nav aria-label="Sections">
        <ul>
          {NAV.map((item) => (
            <li key={item.path}>
              <a href={item.path} aria-current={current.startsWith(item.path) ? "page" : undefined} onClick={onLinkClick}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StoreStats />
    </header>
  );
}

function StoreStats() {
  const fetched = useStats();
  if (fetched.state === "loading") return <p class="stats">loading the store's stats…</p>;
  if (fetched.state === "error") return <p class="stats stats-error" title={fetched.error.message}>stats unavailable</p>;
  const s = fetched.data;
  return (
    <p class="stats" title={s.first && s.last ? `published ${s.first} to ${s.last}` : undefined}>
      {formatCount(s.articles)} articles · {formatCount(s.entities)} entities · {formatCount(s.quotes)} quotes
    </p>
  );
}
