/**
 * MEANTIME's intra-document coreference as key for `eval coref`: every ENTITY_MENTION of the annotated part,
 * chained by the ENTITY it REFERS_TO (events are not entities and are left out), and the alignment of the
 * system's mentions to them.
 *
 * Kinds. syntactic_type NAM and PRE.NAM (a name as modifier: "[Qatar Airways] order") are names, PRO pronouns,
 * NOM, PRE.NOM, APP, CONJ, ARC, PTV and HLS descriptions (nominal). The airbus and gm folders leave the type empty
 * for all but names (834 mentions); there the kind is read off the words: one pronoun word is a pronoun, words
 * that are all capitalized (a leading "the" aside, and not one word opening its sentence) a name, anything else
 * nominal.
 *
 * Key mentions. MEANTIME often marks a phrase and, inside it, the same entity again ("NPD Group, a market research
 * firm" around "NPD Group" and "a market research firm"; "Senator John McCain (R-AZ" around "John McCain"): a
 * mention that contains a shorter one of the same entity is dropped, as in the NER evaluation, and so is a second
 * mention of the same tokens and entity. Unlinked mentions are singletons.
 *
 * Alignment. MEANTIME marks whole noun phrases, our names are name cores. A system mention matches a key
 * mention when its span is the annotated span, or
 *   - for a name, the name core as the NER evaluation reads it (no determiner, title, apposition, possessive:
 *     "the United States" → "United States", "Senator John McCain" → "John McCain");
 *   - for a description or pronoun, the phrase up to its head or the head alone: the annotators' head where the
 *     file gives one (apple and stock folders), else the last word before a post-modifier (of, a preposition,
 *     who/which/that, a participle with an object, a comma or bracket): "the biggest contract of its kind" →
 *     "the biggest contract" or "contract" (see `nominalHead`).
 * Matching is one to one: annotated spans first, then the other forms, in text order. A matched pair is one
 * mention for the scorer; an unmatched mention is twinless.
 */
import type { Analysis, MentionKind, Span } from "../../../core/analysis.js";
import { nameCore, nominalHead, textMapper, type MeantimeDoc, type MeantimeMention } from "../../../corpora/meantime.js";

export interface KeyMention extends Span {
  /** "g" + the m_id. */
  id: string;
  kind: MentionKind;
  /** The annotated syntactic_type; "" where it was left empty and the kind is read off the words. */
  syntacticType: string;
  /** Chain id: the ENTITY's m_id, or "unlinked:" + the mention's. */
  chain: string;
  /** The ENTITY's descriptor ("JSA Research") and type (PER, ORG, LOC, PRO, FIN, MIX; "none" when unlinked). */
  chainName: string;
  chainType: string;
  /** The annotated span in the analysed text (null in the rare case its first or last token is not found there). */
  annotated: Span | null;
  /** Spans a system mention may have to match it, in the analysed text: the annotated span first. */
  accepts: Span[];
}

export interface SystemMention extends Span {
  id: string;
  kind: MentionKind;
  text: string;
  /** Index into `Analysis.entities`. */
  entity: number;
}

const PRONOUNS = new Set([
  "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
  "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
  "their", "theirs", "themselves", "who", "whom", "whose", "which", "that", "this", "these", "those", "what", "where",
  "one", "everyone", "everybody", "anyone", "anybody", "someone", "somebody", "many", "some", "others", "all", "both",
  "several", "most", "each", "either", "neither", "own",
]);

const NAME_TYPES = new Set(["NAM", "PRE.NAM"]);
const ROLES = new Set([
  "ceo", "president", "minister", "executive", "chairman", "chairwoman", "officer", "director", "secretary", "governor",
  "spokesman", "spokeswoman", "chief", "analyst", "founder", "co-founder", "head", "leader",
]);

/** The kind of a key mention: by its syntactic_type, or read off its words where that was left empty. */
export function keyKind(doc: MeantimeDoc, m: MeantimeMention): MentionKind {
  if (NAME_TYPES.has(m.syntacticType)) return "name";
  if (m.syntacticType === "PRO") return "pronoun";
  if (m.syntacticType !== "") return "nominal";
  const words = m.tokens.map((t) => doc.tokens[t]!.text);
  // "US" is no "us".
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase()) && (words[0]!.length === 1 || words[0] !== words[0]!.toUpperCase())) return "pronoun";
  const content = words.filter((w, k) => /\p{L}/u.test(w) && !(k === 0 && /^the$/i.test(w)));
  const opensSentence = words.length === 1 && doc.tokens[m.tokens[0]! - 1]?.sentence !== doc.tokens[m.tokens[0]!]!.sentence;
  // A role is a description however it is capitalized ("U.S. President", "Ryanair CEO").
  const role = ROLES.has(content[content.length - 1]?.toLowerCase() ?? "");
  return content.length > 0 && content.every((w) => /^\p{Lu}/u.test(w)) && !opensSentence && !role ? "name" : "nominal";
}

/**
 * The key mentions (all of them lie in the annotated part), in text order, placed in the analysed text with their
 * accepted spans; `unmapped` counts those whose tokens were not found there (left out), `annotatedEnd` is the end
 * of the annotated part in the analysed text.
 */
export function keyMentions(doc: MeantimeDoc, analysedText: string): { mentions: KeyMention[]; unmapped: number; annotatedEnd: number } {
  const { move, annotatedEnd } = textMapper(doc, analysedText);
  const all = doc.mentions;
  const first = (m: MeantimeMention): number => m.tokens[0]!;
  const last = (m: MeantimeMention): number => m.tokens[m.tokens.length - 1]!;
  const out: KeyMention[] = [];
  let unmapped = 0;
  const kept = new Set<string>();
  for (const m of all) {
    const outer = all.some((h) => h !== m && h.entity !== null && h.entity === m.entity &&
      first(h) >= first(m) && last(h) <= last(m) && last(h) - first(h) < last(m) - first(m));
    // The same tokens annotated twice for one entity (8 times in the corpus) are one mention.
    const twice = `${m.start}-${m.end}-${m.entity?.id ?? ""}`;
    if (outer || kept.has(twice)) continue;
    kept.add(twice);
    const kind = keyKind(doc, m);
    const span = (a: number, b: number): Span => ({ start: doc.tokens[a]!.start, end: doc.tokens[b]!.end });
    const forms: Span[] = [{ start: m.start, end: m.end }];
    if (kind === "name") {
      const [a, b] = nameCore(doc.tokens, first(m), last(m) + 1, m.entity?.type === "PER");
      if (a < b) forms.push(span(a, b - 1));
    } else {
      const h = nominalHead(doc.tokens, first(m), last(m) + 1, m.head);
      forms.push(span(first(m), h), span(h, h));
    }
    const annotated = move(forms[0]!);
    const accepts: Span[] = [];
    for (const f of forms) {
      const moved = move(f);
      if (moved && !accepts.some((s) => s.start === moved.start && s.end === moved.end)) accepts.push(moved);
    }
    // Tokens the layout changed beyond recognition: the mention cannot be placed in the analysed text.
    if (accepts.length === 0) {
      unmapped++;
      continue;
    }
    out.push({
      ...accepts[0]!,
      annotated,
      id: `g${m.id}`,
      kind,
      syntacticType: m.syntacticType,
      chain: m.entity?.id ?? `unlinked:${m.id}`,
      chainName: (m.entity?.descriptor ?? doc.text.slice(m.start, m.end)).trim(),
      chainType: m.entity?.type ?? "none",
      accepts,
    });
  }
  return { mentions: out.sort((a, b) => a.start - b.start || a.end - b.end), unmapped, annotatedEnd };
}

/**
 * The system's mentions that end in the annotated part, in text order: every entity, whatever its type. A span
 * listed twice (in two entities) is kept once, in the first.
 */
export function systemMentions(analysis: Analysis, annotatedEnd: number): { mentions: SystemMention[]; duplicates: number } {
  const seen = new Set<string>();
  const out: SystemMention[] = [];
  let duplicates = 0;
  analysis.entities.forEach((e, entity) => {
    for (const m of e.mentions) {
      if (m.end > annotatedEnd) continue;
      const id = `s${m.start}-${m.end}`;
      if (seen.has(id)) {
        duplicates++;
        continue;
      }
      seen.add(id);
      out.push({ id, start: m.start, end: m.end, kind: m.kind ?? "name", text: m.text, entity });
    }
  });
  return { mentions: out.sort((a, b) => a.start - b.start || a.end - b.end), duplicates };
}

/** One-to-one alignment, system mention id → key mention: annotated spans first, then the other accepted forms. */
export function alignMentions(key: readonly KeyMention[], system: readonly SystemMention[]): Map<string, KeyMention> {
  const aligned = new Map<string, KeyMention>();
  const taken = new Set<KeyMention>();
  const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
  for (const pass of ["annotated", "other"] as const) {
    for (const s of system) {
      if (aligned.has(s.id)) continue;
      const k = key.find((g) => !taken.has(g) && (pass === "annotated" ? g.annotated !== null && same(g.annotated, s) : g.accepts.some((a) => same(a, s))));
      if (!k) continue;
      aligned.set(s.id, k);
      taken.add(k);
    }
  }
  return aligned;
}
