import { useEffect } from "preact/hooks";

/** The tab's title: clipped, since an article's title may be a megabyte long. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const clipped = title.length > 80 ? `${title.slice(0, 79)}…` : title;
    document.title = `${clipped} · newsgraph`;
  }, [title]);
}
