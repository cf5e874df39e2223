/** Offset pagination for the API: a page of rows and the offset of the next page, or null when there is none. */

export interface PageOptions {
  /** Rows per page (1–100 in the API). */
  limit: number;
  /** Rows to skip. */
  offset: number;
}

export interface Page<T> {
  items: T[];
  next: number | null;
}

/**
 * Rows fetched with one row more than the page holds (so the next page is known without a count) become a page.
 * A count(*) per request would cost as much as the query itself on a large store.
 */
export function toPage<T>(rowsWithOneMore: T[], page: PageOptions): Page<T> {
  const items = rowsWithOneMore.slice(0, page.limit);
  return { items, next: rowsWithOneMore.length > page.limit ? page.offset + page.limit : null };
}

/**
 * A page of a list that only takes a limit (the CLI's queries): fetch offset + limit + 1 rows and keep the page.
 * Deep pages cost more; the API caps the offset.
 */
export async function pageOfFirstN<T>(fetchFirst: (n: number) => Promise<T[]>, page: PageOptions): Promise<Page<T>> {
  const rows = await fetchFirst(page.offset + page.limit + 1);
  return toPage(rows.slice(page.offset), page);
}
