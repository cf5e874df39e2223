/**
 * `newsgraph eval coref --meantime DIR [--half even|odd] [--errors N] [--json]`
 * Runs `analyze` (the default pipeline) on each MEANTIME article rebuilt as prose and scores the system's entities,
 * as chains of mentions, against MEANTIME's intra-document coreference chains (see meantime.ts for the key and the
 * mention alignment, score.ts for the measures): names only, descriptions only, pronouns only, and all together.
 *
 * `newsgraph eval coref --polnear DIR [--errors N] [--json]`
 * Counts one-word PERSON entities that share their word with a longer PERSON name of the same article (a split
 * "Trump" / "Donald Trump") over PolNeAR texts: see polnear-names.ts.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { analyze } from "../../../analyze.js";
import type { MentionKind } from "../../../core/analysis.js";
import { meantimeArticle, readMeantime } from "../../../corpora/meantime.js";
import { listCorpus, type Half } from "../../../corpora/split.js";
import { alignMentions, keyMentions, systemMentions, type KeyMention, type SystemMention } from "./meantime.js";
import { evalPolnearNames } from "./polnear-names.js";
import { CorefScorer, type CorefResult, type Partition, type Prf } from "./score.js";

const USAGE = "Usage: newsgraph eval coref --meantime DIR [--half even|odd] [--errors N] [--json]\n       newsgraph eval coref --polnear DIR [--errors N] [--json]";

const HELP = `${USAGE}

--meantime: rebuilds each MEANTIME article (*.xml below DIR) as prose, runs analyze on it and scores the
entities (all types) as coreference chains against MEANTIME's: every ENTITY_MENTION of the annotated part
(title, date line, first sentences) chained by the ENTITY it refers to (events left out). Printed for names
only, descriptions only, pronouns only (key and response both restricted to that kind) and all together:
mention detection P/R/F1, MUC, B3, CEAF-e and the CoNLL average (mean of the three F1), as the reference
scorer computes them for predicted mentions (Pradhan et al. 2014), summed over the documents.

Kinds: MEANTIME NAM and PRE.NAM are names, PRO pronouns, the other types descriptions; where the type is
empty (most non-names of the airbus and gm folders) one pronoun word is a pronoun, capitalized words a name
(unless they end in a role: "U.S. President"), anything else a description. System mentions carry their
own kind (name, nominal, pronoun).

Mention matching (one to one, annotated spans first): a system mention matches a MEANTIME mention when
its span is the annotated span, or for names the name core ("the United States" -> "United States",
"Senator John McCain" -> "John McCain"), or for descriptions and pronouns the phrase up to the head or
the head alone. The head is the annotators' where the file gives one, else the last word before of, a
preposition, who/which/that, a participle with an object, a comma or bracket: "the biggest contract of
its kind" -> "the biggest contract" or "contract". An annotated phrase that contains a shorter mention of
the same entity is left out (the shorter one is the mention), and so is the same mention annotated twice.

--polnear: runs analyze on PolNeAR texts (DIR/text/*.txt; dates from DIR/../metadata.tsv) and counts the
one-word PERSON entities that share their word with the last word of a longer PERSON entity of the same
article ("Trump" beside "Donald Trump"), the names that should have been one entity.

Options:
  --meantime DIR  a MEANTIME folder (intra-doc_annotation)
  --polnear DIR   a PolNeAR folder with text/*.txt (train, dev or test)
  --half H        only the files whose name hashes (FNV-1a) to that half: even is the dev half, odd the
                  check half (--meantime only)
  --errors N      print up to N errors: wrong merges (one system entity over several MEANTIME entities)
                  and split chains (one MEANTIME entity over several system entities); with --polnear the
                  split names
  --json          print the scores as JSON
  -h, --help      this help

Examples:
  newsgraph eval coref --meantime ../shared/data/meantime/intra-doc_annotation --half odd
  newsgraph eval coref --meantime ../shared/data/meantime/intra-doc_annotation --half even --errors 50
  newsgraph eval coref --polnear ../shared/data/quotes/polnear/dev --errors 20
`;

/** A usage mistake: reported in one line with exit code 2. */
class UsageError extends Error {}

export const KINDS = ["name", "nominal", "pronoun"] as const;
export type Row = MentionKind | "all";
const ROWS: readonly Row[] = [...KINDS, "all"];
const ROW_LABEL: Record<Row, string> = {
  name: "names (MEANTIME NAM, PRE.NAM; system kind name)",
  nominal: "descriptions (MEANTIME NOM, APP, CONJ, ...; system kind nominal)",
  pronoun: "pronouns (MEANTIME PRO; system kind pronoun)",
  all: "all mentions",
};

export interface MeantimeCorefReport {
  command: string;
  corpus: string;
  documents: number;
  /** Key mentions by kind, and how many of them had an empty syntactic_type (kind read off the words). */
  keyKinds: Record<MentionKind, number>;
  inferredKinds: Record<MentionKind, number>;
  /** Key mentions and how many a system mention matched, by MEANTIME entity type. */
  keyTypes: Record<string, { key: number; matched: number }>;
  /** Key mentions whose tokens were not found in the analysed text (left out), system spans listed twice. */
  unmapped: number;
  duplicates: number;
  scores: Record<Row, CorefResult>;
  errors: string[];
}

/** Groups mentions into chains by `chainOf`, each mention named by `idOf`. */
function partition<T>(mentions: readonly T[], chainOf: (m: T) => string, idOf: (m: T) => string): string[][] {
  const chains = new Map<string, string[]>();
  for (const m of mentions) {
    const c = chainOf(m);
    let list = chains.get(c);
    if (!list) chains.set(c, (list = []));
    list.push(idOf(m));
  }
  return [...chains.values()];
}

export function evalMeantimeCoref(dir: string, half: Half, errorLimit: number, command: string): MeantimeCorefReport {
  const files = listCorpus(dir, ".xml", half);
  const scorers = Object.fromEntries(ROWS.map((r) => [r, new CorefScorer()])) as Record<Row, CorefScorer>;
  const keyKinds: Record<MentionKind, number> = { name: 0, nominal: 0, pronoun: 0 };
  const inferredKinds: Record<MentionKind, number> = { name: 0, nominal: 0, pronoun: 0 };
  const keyTypes: Record<string, { key: number; matched: number }> = {};
  const errors: string[] = [];
  let unmapped = 0, duplicates = 0;
  for (const file of files) {
    const doc = readMeantime(readFileSync(file, "utf8"));
    const analysis = analyze(meantimeArticle(doc));
    const key = keyMentions(doc, analysis.text);
    const system = systemMentions(analysis, key.annotatedEnd);
    unmapped += key.unmapped;
    duplicates += system.duplicates;
    const aligned = alignMentions(key.mentions, system.mentions);
    const matched = new Set(aligned.values());
    for (const k of key.mentions) {
      keyKinds[k.kind]++;
      if (k.syntacticType === "") inferredKinds[k.kind]++;
      const t = (keyTypes[k.chainType] ??= { key: 0, matched: 0 });
      t.key++;
      if (matched.has(k)) t.matched++;
    }
    // An aligned system mention takes its key mention's identity; the others keep their own (twinless).
    const sysId = (s: SystemMention): string => aligned.get(s.id)?.id ?? s.id;
    for (const row of ROWS) {
      const keep = <T extends { kind: MentionKind }>(list: readonly T[]): T[] => (row === "all" ? [...list] : list.filter((m) => m.kind === row));
      const keyPart: Partition = partition(keep(key.mentions), (k) => k.chain, (k) => k.id);
      const responsePart: Partition = partition(keep(system.mentions), (s) => String(s.entity), sysId);
      scorers[row].add(keyPart, responsePart);
    }
    if (errors.length < errorLimit) errorLines(basename(file), analysis.text, key.mentions, system.mentions, aligned, analysis.entities.map((e) => `${e.id} ${e.type}`), errorLimit, errors);
  }
  const scores = Object.fromEntries(ROWS.map((r) => [r, scorers[r].result()])) as Record<Row, CorefResult>;
  const corpus = `meantime:${dir}${half ? ` (${half} half)` : ""}`;
  return { command, corpus, documents: files.length, keyKinds, inferredKinds, keyTypes: sortKeys(keyTypes), unmapped, duplicates, scores, errors };
}

const sortKeys = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Wrong merges: a system entity whose matched mentions belong to several MEANTIME entities. Split chains: a
 * MEANTIME entity whose matched mentions are spread over several system entities (its unmatched mentions listed
 * as missed).
 */
function errorLines(file: string, text: string, key: readonly KeyMention[], system: readonly SystemMention[], aligned: Map<string, KeyMention>,
  entityNames: readonly string[], limit: number, into: string[]): void {
  const show = (s: { start: number; end: number }): string => `"${text.slice(s.start, s.end).replace(/\s+/g, " ")}"`;
  const bySystem = new Map<number, SystemMention[]>();
  for (const s of system) {
    const list = bySystem.get(s.entity) ?? [];
    bySystem.set(s.entity, [...list, s]);
  }
  for (const [entity, mentions] of bySystem) {
    const chains = new Map<string, SystemMention[]>();
    for (const s of mentions) {
      const k = aligned.get(s.id);
      if (!k) continue;
      chains.set(k.chain, [...(chains.get(k.chain) ?? []), s]);
    }
    if (chains.size < 2 || into.length >= limit) continue;
    const parts = [...chains].map(([chain, ms]) => `[${key.find((k) => k.chain === chain)!.chainName}] ${ms.map(show).join(", ")}`);
    into.push(`MERGE ${entityNames[entity]}: ${parts.join(" + ")}  [${file}]`);
  }
  const sysOf = new Map<KeyMention, SystemMention>();
  for (const s of system) {
    const k = aligned.get(s.id);
    if (k) sysOf.set(k, s);
  }
  const byChain = new Map<string, KeyMention[]>();
  for (const k of key) byChain.set(k.chain, [...(byChain.get(k.chain) ?? []), k]);
  for (const [, mentions] of byChain) {
    const groups = new Map<number, KeyMention[]>();
    for (const k of mentions) {
      const s = sysOf.get(k);
      if (s) groups.set(s.entity, [...(groups.get(s.entity) ?? []), k]);
    }
    if (groups.size < 2 || into.length >= limit) continue;
    const parts = [...groups].map(([e, ks]) => `${entityNames[e]} ${ks.map((k) => show(sysOf.get(k)!)).join(", ")}`);
    const missed = mentions.filter((k) => !sysOf.has(k)).map((k) => `${show(k)} ${k.kind}`);
    into.push(`SPLIT [${mentions[0]!.chainName}] ${parts.join(" | ")}${missed.length > 0 ? `  (not found: ${missed.join(", ")})` : ""}  [${file}]`);
  }
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const prfLine = (label: string, s: Prf): string => `  ${label.padEnd(9)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`;

export function formatMeantimeCoref(r: MeantimeCorefReport): string {
  const kinds = (c: Record<MentionKind, number>): string => KINDS.map((k) => `${k} ${c[k]}`).join(", ");
  const types = Object.entries(r.keyTypes).map(([t, c]) => `${t} ${c.matched}/${c.key}`).join(", ");
  const lines = [
    r.command,
    `${r.corpus}: ${r.documents} documents`,
    `key mentions by kind: ${kinds(r.keyKinds)} (kind read off the words, syntactic_type empty: ${kinds(r.inferredKinds)})`,
    `key mentions matched, by MEANTIME entity type (PRO product, FIN index or currency, none unlinked): ${types}`,
  ];
  if (r.unmapped > 0 || r.duplicates > 0) lines.push(`left out: ${r.unmapped} key mentions not found in the analysed text, ${r.duplicates} system spans listed twice`);
  for (const row of ROWS) {
    const s = r.scores[row];
    lines.push(`${ROW_LABEL[row]}: key ${s.key.mentions} mentions in ${s.key.entities} entities, response ${s.response.mentions} in ${s.response.entities}`);
    lines.push(prfLine("mentions", s.mentions), prfLine("MUC", s.muc), prfLine("B3", s.bcub), prfLine("CEAF-e", s.ceafe), `  ${"CoNLL".padEnd(9)} F1 ${pct(s.conll)}`);
  }
  return lines.join("\n");
}

/** The command line as typed, for the report's header. */
const commandLine = (argv: readonly string[]): string => ["newsgraph eval coref", ...argv].join(" ");

export async function main(argv: string[]): Promise<number> {
  let o;
  try {
    o = options(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`newsgraph eval coref: ${e.message} (see --help)\n`);
    return 2;
  }
  if (o === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  const command = commandLine(argv);
  if (o.polnear !== undefined) return evalPolnearNames(o.polnear, o.errors, o.json, command);
  const r = evalMeantimeCoref(o.meantime!, o.half, o.errors, command);
  if (o.json) process.stdout.write(JSON.stringify(r, null, 2) + "\n");
  else process.stdout.write(`${formatMeantimeCoref(r)}\n${r.errors.length > 0 ? `\n${r.errors.join("\n")}\n` : ""}`);
  return 0;
}

interface Options {
  meantime?: string;
  polnear?: string;
  half: Half;
  errors: number;
  json: boolean;
}

function options(argv: string[]): Options | "help" {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        meantime: { type: "string" },
        polnear: { type: "string" },
        half: { type: "string" },
        errors: { type: "string", default: "0" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]!);
  }
  if (values.help) return "help";
  const { meantime, polnear, half = null, errors } = values;
  if ((meantime === undefined) === (polnear === undefined)) throw new UsageError("give one of --meantime DIR or --polnear DIR");
  const dir = (meantime ?? polnear)!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such directory: ${dir}`);
  if (half !== null && half !== "even" && half !== "odd") throw new UsageError(`--half needs "even" or "odd", got "${half}"`);
  if (half !== null && polnear !== undefined) throw new UsageError("--half goes with --meantime");
  if (!/^\d+$/.test(errors)) throw new UsageError(`--errors needs a whole number, got "${errors}"`);
  return { ...(meantime !== undefined ? { meantime } : { polnear: polnear! }), half, errors: Number(errors), json: values.json };
}
