import { useEffect } from "preact/hooks";
import { Header } from "./components/Header";
import { ArticlePage } from "./pages/ArticlePage";
import { EntitiesPage } from "./pages/EntitiesPage";
import { EntityPage } from "./pages/EntityPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { QuotesPage } from "./pages/QuotesPage";
import { SearchPage } from "./pages/SearchPage";
import { StoriesPage } from "./pages/StoriesPage";
import { StoryPage } from "./pages/StoryPage";
import { TimelinePage } from "./pages/TimelinePage";
import { useLocation, type Location } from "./router";

export function App() {
  const location = useLocation();
  useSlashFocusesSearch();
  return (
    <>
      <Header location={location} />
      <main id="main" tabIndex={-1}>
        <Route location={location} />
      </main>
    </>
  );
}

/** One page per URL; ids in paths are URI-encoded (article ids are often URLs themselves). */
function Route(props: { location: Location }) {
  const { location } = props;
  const { path } = location;
  const param = (prefix: string) => safeDecode(path.slice(prefix.length));
  // Entity and story ids are positive integers: anything else is no page (the API would refuse it as a bad request).
  const numeric = (prefix: string) => path.startsWith(prefix) && /^[1-9][0-9]{0,15}$/.test(path.slice(prefix.length));
  if (path === "/" || path === "/search") return <SearchPage location={location} />;
  if (path.startsWith("/articles/") && path.length > "/articles/".length) return <ArticlePage key={path} id={param("/articles/")} />;
  if (path === "/entities") return <EntitiesPage location={location} />;
  if (numeric("/entities/")) return <EntityPage key={path} id={param("/entities/")} />;
  if (path === "/quotes") return <QuotesPage location={location} />;
  if (path === "/timeline") return <TimelinePage location={location} />;
  if (path === "/stories") return <StoriesPage location={location} />;
  if (numeric("/stories/")) return <StoryPage key={path} id={param("/stories/")} />;
  return <NotFoundPage path={path} />;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/` anywhere but in a field focuses the search box, as on most sites with search. */
function useSlashFocusesSearch(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const box = document.getElementById("search-box");
      if (box) {
        event.preventDefault();
        box.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
