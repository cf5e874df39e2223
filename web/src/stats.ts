import { useEffect, useState } from "preact/hooks";
import { apiUrl, ApiError, getJson, type Stats } from "./api";
import type { Fetched } from "./useApi";

/**
 * The store's stats, fetched once per page load and shared: the header shows them and the search form takes its
 * source suggestions from them, so neither waits for nor repeats the other's request.
 */
let shared: Promise<Stats> | null = null;

export function useStats(): Fetched<Stats> {
  const [fetched, setFetched] = useState<Fetched<Stats>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    shared ??= getJson<Stats>(apiUrl("stats"));
    shared.then(
      (data) => live && setFetched({ state: "done", data }),
      (e: unknown) => {
        // A failure is not kept: the next page that asks tries again.
        shared = null;
        if (live) setFetched({ state: "error", error: e instanceof ApiError ? e : new ApiError(0, String(e)) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return fetched;
}

/** The store's sources, for the source fields' suggestions (empty until the stats arrive, or if they fail). */
export function useSources(): string[] {
  const fetched = useStats();
  if (fetched.state !== "done") return [];
  return fetched.data.sources.map((s) => s.source).filter((s): s is string => typeof s === "string" && s.length > 0);
}
