import type { Analysis } from "../core/analysis.js";

/** The `--format text` view: what a reader wants to see at a glance. */
export function formatSummary(a: Analysis): string {
  const out: string[] = [];
  const m = a.article;
  out.push(`# ${m.title}`);
  const meta = [m.published && `published ${m.published}`, m.source && `source ${m.source}`, m.section && `section ${m.section}`, m.authors.length > 0 && `by ${m.authors.join(", ")}`].filter(Boolean);
  if (meta.length > 0) out.push(meta.join(" · "));
  out.push(`id ${m.id}`, "", "## Blocks");
  for (const b of a.blocks) out.push(`  ${b.kind.padEnd(9)} ${clip(a.text.slice(b.start, b.end), 100)}`);
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  if (a.entities.length > 0) {
    out.push("", "## Entities");
    for (const e of a.entities) {
      const extra = [e.titles.length > 0 && `titles: ${e.titles.join("; ")}`, e.affiliations.length > 0 && `of: ${e.affiliations.map((id) => byId.get(id)?.name ?? id).join("; ")}`].filter(Boolean);
      out.push(`  ${e.type.padEnd(7)} ${e.name} (${mentionCounts(e.mentions)})${extra.length > 0 ? "  " + extra.join(" · ") : ""}`);
    }
  }
  if (a.quotes.length > 0) {
    out.push("", "## Quotes");
    for (const q of a.quotes) {
      const speaker = (q.speaker && byId.get(q.speaker)?.name) ?? q.speakerText ?? "?";
      out.push(`  ${speaker} — ${q.cue ?? "(no cue)"} — “${clip(q.text, 110)}” [${q.kind}]`);
    }
  }
  if (a.timexes.length > 0) {
    out.push("", "## Dates and times");
    for (const t of a.timexes) out.push(`  ${t.type.padEnd(8)} ${t.value}${t.mod ? ` (${t.mod})` : ""}  “${t.text}”`);
  }
  if (a.amounts.length > 0) {
    out.push("", "## Amounts");
    for (const x of a.amounts) out.push(`  ${x.value} ${x.unit}${x.mod ? ` (${x.mod})` : ""}  “${x.text}”`);
  }
  if (a.events.length > 0) {
    out.push("", "## Events");
    for (const ev of a.events) out.push(`  ${clip(ev.text, 100)}`);
  }
  return out.join("\n") + "\n";
}

/** "3 names, 1 nominal, 2 pronouns": how often an entity is mentioned, by kind. */
function mentionCounts(mentions: readonly { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const plural: Record<string, string> = { name: "names", nominal: "nominals", pronoun: "pronouns" };
  return ["name", "nominal", "pronoun"].filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${counts.get(k) === 1 ? k : plural[k]}`).join(", ");
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length <= n ? flat : flat.slice(0, n - 1) + "…";
}
