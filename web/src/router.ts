/**
 * History API routing without a library: the location is a tiny observable store, `navigate` pushes a URL, and
 * links intercept plain left clicks (a middle click or ctrl-click still opens a new tab).
 */
import { useEffect, useState } from "preact/hooks";
import { withQuery } from "./url";

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

window.addEventListener("popstate", () => notify());

function notify(): void {
  for (const listener of listeners) listener();
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.scrollTo(0, 0);
  notify();
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const listener = () => setLocation(current());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return location;
}

/** A path with its query string, dropping empty parameters. */
export const href = withQuery;

/** Click handler for in-app links: a plain left click navigates in place, anything else is the browser's. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (anchor.origin !== window.location.origin || anchor.target) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
  // The clicked link is gone with the old page: put keyboard and screen-reader focus at the new page's start.
  document.getElementById("main")?.focus({ preventScroll: true });
}
