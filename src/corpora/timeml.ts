/**
 * TimeML (TempEval-3) files: read the DCT and the TEXT element with its tags stripped, keeping the gold
 * TIMEX3 spans as offsets into the stripped text; write a file back with the system's TIMEX3 tags.
 */
import type { Timex, TimexType } from "../core/analysis.js";
import { decodeEntities, escapeXml, xmlAttr } from "./xml.js";

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

export function parseTimeml(xml: string): TimemlDoc {
  const dctTag = /<DCT>\s*<TIMEX3\b([^>]*)>/.exec(xml);
  const dct = dctTag ? xmlAttr(dctTag[1]!, "value") : null;
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
        type: (xmlAttr(current.tag, "type") ?? "DATE") as TimexType,
        value: xmlAttr(current.tag, "value") ?? "",
        mod: xmlAttr(current.tag, "mod"),
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
