/** Dates as the store gives them (ISO, possibly partial or with a time): the day part, which is what readers need. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "undated";
  return iso.length > 10 ? iso.slice(0, 10) : iso;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}
