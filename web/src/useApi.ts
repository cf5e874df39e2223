import { useEffect, useState } from "preact/hooks";
import { ApiError, getJson } from "./api";

export type Fetched<T> =
  | { state: "loading" }
  | { state: "error"; error: ApiError }
  | { state: "done"; data: T };

/**
 * GETs `url` (null: nothing to fetch yet) and follows its changes; an answer for a URL the page has left behind
 * is dropped (aborted), so a slow first search never overwrites a fast second one.
 */
export function useApi<T>(url: string | null): Fetched<T> | null {
  const [result, setResult] = useState<{ url: string; fetched: Fetched<T> } | null>(null);
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setResult({ url, fetched: { state: "loading" } });
    getJson<T>(url, controller.signal).then(
      (data) => setResult({ url, fetched: { state: "done", data } }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e));
        setResult({ url, fetched: { state: "error", error } });
      },
    );
    return () => controller.abort();
  }, [url]);
  if (url === null) return null;
  // Until the effect runs for a new URL, the old answer must not show under the new URL.
  return result?.url === url ? result.fetched : { state: "loading" };
}
