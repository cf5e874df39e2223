/**
 * TimeML (TempEval-3) files: read the DCT and the TEXT element with its tags stripped, keeping the gold
 * TIMEX3 spans as offsets into the stripped text; write a file back with the system's TIMEX3 tags.
 */
import type { Timex, TimexType } from "../../core/analysis.js";

export interface GoldTimex {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  mod: string | null;
}

export interface TimemlDoc {
  dct: string | null;
  text: string;
  gold: GoldTimex[];
  /** Everything before the TEXT element, kept verbatim for the output file. */
  head: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? "";
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : null;
}

export function parseTimeml(xml: string): TimemlDoc {
  const dctTag = /<DCT>\s*<TIMEX3\b([^>]*)>/.exec(xml);
  const dct = dctTag ? attr(dctTag[1]!, "value") : null;
  const open = xml.indexOf("<TEXT>");
  const close = xml.indexOf("</TEXT>");
  if (open < 0 || close < 0) throw new Error("TimeML file without a TEXT element");
  const body = xml.slice(open + "<TEXT>".length, close);
  let text = "";
  const gold: GoldTimex[] = [];
  let current: { start: number; tag: string } | null = null;
  let pos = 0;
  while (pos < body.length) {
    const lt = body.indexOf("<", pos);
    const chunkEnd = lt < 0 ? body.length : lt;
    text += decodeEntities(body.slice(pos, chunkEnd));
    if (lt < 0) break;
    const gt = body.indexOf(">", lt);
    const tag = body.slice(lt, gt + 1);
    if (tag.startsWith("<TIMEX3")) current = { start: text.length, tag };
    else if (tag.startsWith("</TIMEX3") && current) {
      gold.push({
        start: current.start,
        end: text.length,
        type: (attr(current.tag, "type") ?? "DATE") as TimexType,
        value: attr(current.tag, "value") ?? "",
        mod: attr(current.tag, "mod"),
      });
      current = null;
    }
    pos = gt + 1;
  }
  return { dct, text, gold, head: xml.slice(0, open) };
}

/** The file in TempEval-3 format: the original head (DOCID, DCT, TITLE) and the TEXT with system TIMEX3s. */
export function writeTimeml(doc: TimemlDoc, timexes: readonly Timex[]): string {
  let out = doc.head + "<TEXT>";
  let pos = 0;
  timexes.forEach((t, k) => {
    out += escapeXml(doc.text.slice(pos, t.start));
    const mod = t.mod ? ` mod="${t.mod}"` : "";
    out += `<TIMEX3 tid="t${k + 1}" type="${t.type}" value="${escapeXml(t.value)}"${mod}>${escapeXml(doc.text.slice(t.start, t.end))}</TIMEX3>`;
    pos = t.end;
  });
  out += escapeXml(doc.text.slice(pos)) + "</TEXT>\n\n</TimeML>\n";
  return out;
}
