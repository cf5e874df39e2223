import { apiUrl, type Stats } from "./api";
import { useApi } from "./useApi";

export const STATS_URL = apiUrl("stats");

/** The store's sources, for the source fields' suggestions (empty until the stats arrive, or if they fail). */
export function useSources(): string[] {
  const fetched = useApi<Stats>(STATS_URL);
  if (fetched?.state !== "done") return [];
  return fetched.data.sources.map((s) => s.source).filter((s): s is string => typeof s === "string" && s.length > 0);
}
