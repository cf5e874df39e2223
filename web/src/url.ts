export type Params = Record<string, string | number | undefined | null>;

/** `path?query`, dropping empty parameters so that URLs stay short and shareable. */
export function withQuery(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
