/**
 * PolNeAR (Political News Attribution Relations, Newell, Margolin & Ruths 2018): news texts with brat standoff
 * attributions. A compartment directory holds `text/<name>.txt` and `attributions/<name>_<annotator>.ann`; each
 * `.ann` has text-bound annotations `T<n>\t<Role> <start> <end>[;<start> <end>...]\t<text>` (roles Source, Cue,
 * Content; also Attribution / Attribution-no-source triggers, Discuss, Discard) and events
 * `E<n>\tAttribution:T<a> Content:T<c> Cue:T<q> Source:T<s>` that join them. Span texts may run over several lines
 * (the extra lines continue the annotation above).
 *
 * Where several annotators' files exist for one text, the alphabetically first file name is the gold (its
 * annotator suffix sorts first); the others are ignored. PolNeAR states no license: read for research only.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Span } from "../core/analysis.js";

export type Role = "Source" | "Cue" | "Content";
export const ROLES: readonly Role[] = ["Source", "Cue", "Content"];

/** One attribution relation: each role a list of fragments (brat discontinuous spans), in text order. */
export interface BratAttribution {
  source: Span[] | null;
  cue: Span[] | null;
  content: Span[] | null;
}

export interface PolnearText {
  /** File name without `.txt`. */
  name: string;
  text: string;
  /** The gold annotation file used (the alphabetically first annotator's), or null when the text has none. */
  annFile: string | null;
  attributions: BratAttribution[];
}

const RECORD = /^([TERAMN#*]\d*)\t/;

/** Parses a brat .ann into attributions. Roles not joined by an event are dropped (they are not attributions). */
export function parseBrat(ann: string): BratAttribution[] {
  const spans = new Map<string, { role: string; frags: Span[] }>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    const m = RECORD.exec(line);
    if (!m) continue; // a continuation line of a multi-line span text, or blank
    const id = m[1]!;
    const fields = line.split("\t");
    if (id.startsWith("T")) {
      const head = fields[1] ?? "";
      const sp = head.indexOf(" ");
      if (sp < 0) continue;
      const role = head.slice(0, sp);
      const frags: Span[] = [];
      for (const part of head.slice(sp + 1).split(";")) {
        const [a, b] = part.trim().split(/\s+/).map(Number);
        if (Number.isInteger(a) && Number.isInteger(b) && a! <= b!) frags.push({ start: a!, end: b! });
      }
      if (frags.length > 0) spans.set(id, { role, frags: frags.sort((x, y) => x.start - y.start) });
    } else if (id.startsWith("E")) events.push(fields[1] ?? "");
  }
  const out: BratAttribution[] = [];
  for (const ev of events) {
    const a: BratAttribution = { source: null, cue: null, content: null };
    for (const arg of ev.trim().split(/\s+/)) {
      const [role, ref] = arg.split(":");
      const s = ref ? spans.get(ref) : undefined;
      if (!s) continue;
      const r = role!.replace(/\d+$/, "");
      if (r === "Source") a.source = [...(a.source ?? []), ...s.frags];
      else if (r === "Cue") a.cue = [...(a.cue ?? []), ...s.frags];
      else if (r === "Content") a.content = [...(a.content ?? []), ...s.frags];
    }
    for (const k of ["source", "cue", "content"] as const) a[k]?.sort((x, y) => x.start - y.start);
    if (a.cue || a.content) out.push(a);
  }
  return out;
}

/** Writes attributions as brat standoff, in PolNeAR's form (T for each role, one Attribution trigger and event). */
export function writeBrat(text: string, attributions: readonly BratAttribution[]): string {
  const lines: string[] = [];
  let t = 0, e = 0;
  const put = (role: string, frags: Span[]): string => {
    const id = `T${++t}`;
    const offs = frags.map((f) => `${f.start} ${f.end}`).join(";");
    const body = frags.map((f) => text.slice(f.start, f.end)).join(" ").replace(/[\r\n]+/g, " ");
    lines.push(`${id}\t${role} ${offs}\t${body}`);
    return id;
  };
  for (const a of attributions) {
    const args: string[] = [];
    const trigger = a.cue ?? a.content;
    if (!trigger) continue;
    const trig = put(a.source ? "Attribution" : "Attribution-no-source", trigger);
    if (a.content) args.push(`Content:${put("Content", a.content)}`);
    if (a.cue) args.push(`Cue:${put("Cue", a.cue)}`);
    if (a.source) args.push(`Source:${put("Source", a.source)}`);
    lines.push(`E${++e}\tAttribution:${trig} ${args.join(" ")}`);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

/** The annotator files of each text name in `attributions/`, keyed by text name, each list sorted. */
function annotatorFiles(annDir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(annDir)) return out;
  for (const f of readdirSync(annDir).sort()) {
    const m = /^(.*)_[0-9A-Za-z]+\.ann$/.exec(f);
    if (!m) continue;
    const list = out.get(m[1]!) ?? [];
    list.push(f);
    out.set(m[1]!, list);
  }
  return out;
}

/** Reads one PolNeAR compartment (DIR/text, DIR/attributions), texts in name order. */
export function readPolnear(dir: string): PolnearText[] {
  const textDir = join(dir, "text"), annDir = join(dir, "attributions");
  if (!existsSync(textDir)) throw new Error(`${dir}: no text/ directory (expected PolNeAR's text/*.txt and attributions/*.ann)`);
  const anns = annotatorFiles(annDir);
  const out: PolnearText[] = [];
  for (const f of readdirSync(textDir).sort()) {
    if (!f.endsWith(".txt")) continue;
    const name = basename(f, ".txt");
    const text = readFileSync(join(textDir, f), "utf8");
    const first = anns.get(name)?.[0] ?? null;
    const attributions = first ? parseBrat(readFileSync(join(annDir, first), "utf8")) : [];
    out.push({ name, text, annFile: first, attributions });
  }
  return out;
}
