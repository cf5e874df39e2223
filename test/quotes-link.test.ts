import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { TypedSpan } from "../src/stages/entities/labels.js";
import { buildContext, type QuoteContext, type RawAttribution, type TokSpan } from "../src/stages/quotes/attribute.js";
import { beforeQuotes, evaluatePolnear, polnearDoc } from "../src/stages/quotes/eval/cli.js";
import { CONTENT, CUE, SOURCE } from "../src/stages/quotes/features.js";
import { assemble } from "../src/stages/quotes/link.js";
import { fixture } from "./support/paths.js";

// The linker driven with hand-made tagger spans, so these tests hold whatever the model (retrained apart) tags.

const pipeline = beforeQuotes();

/** The quotes context of a one-paragraph text (plus a title line). */
function context(paragraph: string): QuoteContext {
  return buildContext(pipeline.run(polnearDoc("t", `A story\n${paragraph}\n`)));
}

/** The token span of the first occurrence of `s` (at or after character `from`) in the document. */
function tokSpan(ctx: QuoteContext, s: string, from = 0): TokSpan {
  const { doc } = ctx;
  const c = doc.text.indexOf(s, from);
  assert.ok(c >= 0, `no "${s}"`);
  let start = 0;
  while (doc.tokens.end[start]! <= c) start++;
  let end = start;
  while (end < doc.tokens.count && doc.tokens.start[end]! < c + s.length) end++;
  return { start, end };
}

/** Attributions from spans given as [role, text] in text order. */
function linkSpans(ctx: QuoteContext, spans: [number, string][]): RawAttribution[] {
  let from = 0;
  const typed: TypedSpan[] = spans.map(([type, s]) => {
    const t = tokSpan(ctx, s, from);
    from = ctx.doc.tokens.end[t.end - 1]!;
    return { ...t, type };
  });
  return assemble(ctx, [], [{ block: 1, spans: typed }], null); // the linker's rules alone: the content model is tested apart
}

const text = (ctx: QuoteContext, sp: TokSpan | null): string | null => (sp ? ctx.doc.text.slice(ctx.doc.tokens.start[sp.start]!, ctx.doc.tokens.end[sp.end - 1]!) : null);

function withCue(ctx: QuoteContext, atts: RawAttribution[], cue: string): RawAttribution {
  const a = atts.find((x) => text(ctx, x.cue) === cue);
  assert.ok(a, `no attribution with the cue "${cue}"`);
  return a;
}

test("eval quotes --every N: every N-th text in name order, the slice train:quotes holds out", () => {
  const root = mkdtempSync(join(tmpdir(), "polnear-every-"));
  for (const sub of ["text", "attributions"]) mkdirSync(join(root, sub));
  for (const name of ["a", "b", "c", "d", "e"]) {
    copyFileSync(fixture("polnear", "text", "bridge-story.txt"), join(root, "text", `${name}.txt`));
    copyFileSync(fixture("polnear", "attributions", "bridge-story_a1b2.ann"), join(root, "attributions", `${name}_a1b2.ann`));
  }
  const all = evaluatePolnear(root, null);
  const slice = evaluatePolnear(root, null, undefined, false, 2);
  assert.equal(all.texts, 5);
  assert.equal(slice.texts, 2); // b and d
  assert.equal(slice.score.exact.Content.gold * 5, all.score.exact.Content.gold * 2);
});


test("linker: a cue with no unused source in its sentence shares the source another cue took; never one of another sentence", () => {
  const p = "Asked a direct question about the debate, Clinton said, “I do take responsibility.” Then the host said, “Thank you.”";
  const ctx = context(p);
  const atts = linkSpans(ctx, [
    [CUE, "Asked"],
    [CONTENT, "a direct question about the debate"],
    [SOURCE, "Clinton"],
    [CUE, "said"],
    [CONTENT, "“I do take responsibility.”"],
    [CUE, "said"],
    [CONTENT, "“Thank you.”"],
  ]);
  assert.equal(text(ctx, withCue(ctx, atts, "Asked").source), "Clinton");
  const said = atts.filter((a) => text(ctx, a.cue) === "said");
  assert.equal(said.length, 2);
  assert.equal(text(ctx, said[0]!.source), "Clinton");
  assert.equal(text(ctx, said[0]!.content[0]!), "“I do take responsibility.”");
  // The next sentence has no source span: "Clinton" is not borrowed across the sentence end.
  assert.equal(said[1]!.source, null);
});

/** `“A,” Bonnie Baha said …` and a second quotation, as the tagger spans them. */
function bahaSpans(ctx: QuoteContext, first: string, second: string): RawAttribution[] {
  return linkSpans(ctx, [
    [CONTENT, first],
    [SOURCE, "Bonnie Baha"],
    [CUE, "said"],
    [CONTENT, second],
  ]);
}

test("continuations: a quotation opening the sentence after its attribution joins it however long the attribution's tail; not two sentences on", () => {
  const ctx = context("“There is a high risk,” Bonnie Baha said at a recent Reuters event in New York. “It is like braking with no gas.”");
  const atts = bahaSpans(ctx, "“There is a high risk,”", "“It is like braking with no gas.”");
  assert.equal(atts.length, 1);
  assert.deepEqual(atts[0]!.content.map((c) => text(ctx, c)), ["“There is a high risk,”", "“It is like braking with no gas.”"]);
  // An unquoted sentence between: the quotation stays a floating quote of its own (inheriting the speaker).
  const ctx2 = context("“There is a high risk,” Bonnie Baha said at a recent Reuters event in New York. Stocks fell. “It is like braking.”");
  const atts2 = bahaSpans(ctx2, "“There is a high risk,”", "“It is like braking.”");
  assert.equal(atts2.length, 2);
  assert.equal(atts2[0]!.content.length, 1);
  assert.equal(atts2[1]!.inherit, 0);
});

test("linker: a quotation closing on ? or ! before its source and cue is their content, not the clause after the cue", () => {
  // The sentence splitter ends a sentence after `?”`; the cue must still take the quotation it follows.
  const ctx = context("“What does that mean?” Mr. Trump asked, repeating that the president was responsible.");
  const atts = linkSpans(ctx, [[CONTENT, "“What does that mean?”"], [SOURCE, "Mr. Trump"], [CUE, "asked"], [CONTENT, "that the president was responsible"]]);
  assert.deepEqual(withCue(ctx, atts, "asked").content.map((c) => text(ctx, c)), ["“What does that mean?”"]);
  // A quotation closing on a period in another sentence is still another sentence's: the clause after the cue wins.
  const ctx2 = context("“That was fine.” Mr. Trump asked that the president be responsible.");
  const atts2 = linkSpans(ctx2, [[CONTENT, "“That was fine.”"], [SOURCE, "Mr. Trump"], [CUE, "asked"], [CONTENT, "that the president be responsible"]]);
  assert.deepEqual(withCue(ctx2, atts2, "asked").content.map((c) => text(ctx2, c)), ["that the president be responsible"]);
});

test("continuations: a short quoted name between the attribution and the quotation does not stop the join; a quotation does", () => {
  const ctx = context('"I have not recovered," he said on MSNBC\'s "Morning Joe." "And I know a lot of people would say that."');
  const atts = linkSpans(ctx, [[CONTENT, '"I have not recovered,"'], [SOURCE, "he"], [CUE, "said"], [CONTENT, '"And I know a lot of people would say that."']]);
  assert.equal(atts.length, 1);
  assert.equal(atts[0]!.content.length, 2);
  const ctx2 = context('"I have not recovered," he said of "a long and very hard night for all of us." "And I know a lot of people would say that."');
  const atts2 = linkSpans(ctx2, [[CONTENT, '"I have not recovered,"'], [SOURCE, "he"], [CUE, "said"], [CONTENT, '"And I know a lot of people would say that."']]);
  assert.equal(atts2.length, 2);
});

test("linker: a content tagged over quotation, source, cue, quotation is split around the rules' source and cue", () => {
  const ctx = context("“We are ready,” he said, “and we will go.”");
  const tagged: TypedSpan[] = [{ ...tokSpan(ctx, "“We are ready,” he said, “and we will go.”"), type: CONTENT }];
  const rules: RawAttribution[] = [{ source: tokSpan(ctx, "he"), cue: tokSpan(ctx, "said"), content: [tokSpan(ctx, "“We are ready,”")], block: 1, inherit: -1, rule: "test" }];
  const atts = assemble(ctx, rules, [{ block: 1, spans: tagged }], null);
  const a = withCue(ctx, atts, "said");
  assert.equal(text(ctx, a.source), "he");
  assert.deepEqual(a.content.map((c) => text(ctx, c)), ["“We are ready,”", "“and we will go.”"]);
  // No rules' group between the quotations: the content stays whole (and floating).
  const atts2 = assemble(ctx, [], [{ block: 1, spans: tagged }], null);
  assert.deepEqual(atts2.map((x) => x.content.map((c) => text(ctx, c))), [["“We are ready,” he said, “and we will go.”"]]);
});

test("linker: two content spans inside one quotation are one content; contents in two quotations stay apart", () => {
  const ctx = context("“He started firing off questions. He knew it was important,” Whitlock said. “We met,” he said, “in June.”");
  const atts = linkSpans(ctx, [
    [CONTENT, "“He started firing off questions."],
    [CONTENT, "He knew it was important,”"],
    [SOURCE, "Whitlock"],
    [CUE, "said"],
    [CONTENT, "“We met,”"],
    [SOURCE, "he"],
    [CUE, "said"],
    [CONTENT, "“in June.”"],
  ]);
  const whitlock = atts.find((a) => text(ctx, a.source) === "Whitlock")!;
  assert.deepEqual(whitlock.content.map((c) => text(ctx, c)), ["“He started firing off questions. He knew it was important,”"]);
  const he = atts.find((a) => text(ctx, a.source) === "he")!;
  // Two quotations around the cue: two fragments (the second joined as a continuation), not one span over the cue.
  assert.deepEqual(he.content.map((c) => text(ctx, c)), ["“We met,”", "“in June.”"]);
});

/** The content fragments of the one attribution of a source, a cue and a content span (as the tagger spans them). */
function contentOfTriple(paragraph: string, source: string, cue: string, content: string): string[] {
  const ctx = context(paragraph);
  const atts = linkSpans(ctx, [[SOURCE, source], [CUE, cue], [CONTENT, content]]);
  assert.equal(atts.length, 1);
  return atts[0]!.content.map((c) => text(ctx, c)!);
}

test("speaker labels: `NAME: …` opening a paragraph takes the rest of the paragraph (no closing period); a colon elsewhere does not", () => {
  assert.deepEqual(contentOfTriple("TAPPER: Donald Trump released a video on Friday. Take a listen.", "TAPPER", ":", "Donald Trump released a video"), [
    "Donald Trump released a video on Friday. Take a listen",
  ]);
  assert.deepEqual(contentOfTriple("\"PENCE: Well, look. It is serious.", "PENCE", ":", "Well, look."), ["Well, look. It is serious"]);
  // A colon after a sentence's subject is no speaker label: the tagger's content stays.
  assert.deepEqual(contentOfTriple("On Friday the senator said it plainly: the bill is dead. Nobody objected.", "the senator", "said it plainly:", "the bill is dead"), ["the bill is dead"]);
  assert.deepEqual(contentOfTriple("On Friday the senator: the bill is dead. Nobody objected.", "the senator", ":", "the bill is dead"), ["the bill is dead"]);
});

test("according to X: the source ends before a comma, unless a relative clause follows", () => {
  let ctx = context("Attacks rose sharply, according to GMA News, the network.");
  let a = withCue(ctx, linkSpans(ctx, [[CONTENT, "Attacks rose sharply"], [CUE, "according to"], [SOURCE, "GMA News, the network"]]), "according to");
  assert.equal(text(ctx, a.source), "GMA News");
  ctx = context("Attacks rose, according to the SITE Intelligence Group, which monitors statements.");
  a = withCue(ctx, linkSpans(ctx, [[CONTENT, "Attacks rose"], [CUE, "according to"], [SOURCE, "the SITE Intelligence Group, which monitors statements"]]), "according to");
  assert.equal(text(ctx, a.source), "the SITE Intelligence Group, which monitors statements");
});

test("second fragments: a content split around its cue is one content of two fragments; not past SECOND_GAP, not over another cue", () => {
  let ctx = context("The statistics appear to be fabricated, experts said.");
  let atts = linkSpans(ctx, [[CONTENT, "The statistics"], [CUE, "appear"], [CONTENT, "to be fabricated"]]);
  assert.equal(atts.length, 1);
  assert.deepEqual(atts[0]!.content.map((c) => text(ctx, c)), ["The statistics", "to be fabricated"]);
  // Three tokens between the cue and the other content: over the gap; that content stays apart (and, unquoted
  // with no cue, is dropped).
  ctx = context("The statistics appear, by all means, to be fabricated.");
  atts = linkSpans(ctx, [[CONTENT, "The statistics"], [CUE, "appear"], [CONTENT, "to be fabricated"]]);
  assert.deepEqual(atts.map((a) => a.content.map((c) => text(ctx, c))), [["The statistics"]]);
  // One side quoted, the other not: no split content (the unquoted one, floating, is dropped).
  ctx = context("“She just made it up,” he said of the claim.");
  atts = linkSpans(ctx, [[CONTENT, "“She just made it up,”"], [SOURCE, "he"], [CUE, "said"], [CONTENT, "of the claim"]]);
  assert.deepEqual(atts.map((a) => a.content.map((c) => text(ctx, c))), [["“She just made it up,”"]]);
  // A cue between: each cue keeps its own content.
  ctx = context("Taxes rose, Smith said, Jones denied it.");
  atts = linkSpans(ctx, [[CONTENT, "Taxes rose"], [SOURCE, "Smith"], [CUE, "said"], [SOURCE, "Jones"], [CUE, "denied"], [CONTENT, "it"]]);
  assert.deepEqual(withCue(ctx, atts, "said").content.map((c) => text(ctx, c)), ["Taxes rose"]);
  assert.deepEqual(withCue(ctx, atts, "denied").content.map((c) => text(ctx, c)), ["it"]);
});

test("floating contents: an unquoted content with no cue or source is dropped; a floating quotation stays", () => {
  // (The sentence between is over MAX_GAP tokens, so the quotation is no continuation of Smith's content.)
  const ctx = context("Smith said the plan works. Taxes will fall for most of the families in the state. “It is done.”");
  const atts = linkSpans(ctx, [[SOURCE, "Smith"], [CUE, "said"], [CONTENT, "the plan works"], [CONTENT, "Taxes will fall"], [CONTENT, "“It is done.”"]]);
  assert.deepEqual(atts.map((a) => a.content.map((c) => text(ctx, c))), [["the plan works"], ["“It is done.”"]]);
  assert.equal(atts[1]!.inherit, 0);
});

test("subordinate clause: a cue in a sentence-initial `While …` clause has its content end at the clause's comma; elsewhere the comma stays", () => {
  assert.deepEqual(contentOfTriple("While critics argue that trading prisoners helps, Obama has deemed it fine.", "critics", "argue", "that trading prisoners helps, Obama has deemed it fine"), ["that trading prisoners helps"]);
  assert.deepEqual(contentOfTriple("Critics argue that trading prisoners helps, and that it is fine.", "Critics", "argue", "that trading prisoners helps, and that it is fine"), ["that trading prisoners helps, and that it is fine"]);
});

test("cue tails: a say-class cue with a trailing preposition is the verb alone; other two-word cues stay", () => {
  let ctx = context("“She just made it up,” he said of the claim.");
  let a = withCue(ctx, linkSpans(ctx, [[CONTENT, "“She just made it up,”"], [SOURCE, "he"], [CUE, "said of"]]), "said");
  assert.equal(text(ctx, a.source), "he");
  ctx = context("He referred to the claim as false.");
  a = withCue(ctx, linkSpans(ctx, [[SOURCE, "He"], [CUE, "referred to"], [CONTENT, "the claim as false"]]), "referred to");
  assert.deepEqual(a.content.map((c) => text(ctx, c)), ["the claim as false"]);
});

test("dash asides: a quotation set off by a dash with its own speaker and verb is theirs, not the tail of the content before it", () => {
  const p = "Mr. Bush praised his brother's ''deep faith'' - ''faith that shows itself in good works,'' he said - and argued for a winner.";
  // The tagger ran the first content over the aside and gave `he said` the clause after the dash.
  const ctx = context(p);
  const atts = linkSpans(ctx, [[SOURCE, "Mr. Bush"], [CUE, "praised"], [CONTENT, "his brother's ''deep faith'' - ''faith that shows itself in good works,''"], [SOURCE, "he"], [CUE, "said"], [CONTENT, "and argued for a winner"]]);
  assert.deepEqual(withCue(ctx, atts, "praised").content.map((c) => text(ctx, c)), ["his brother's ''deep faith''"]);
  const said = withCue(ctx, atts, "said");
  assert.equal(text(ctx, said.source), "he");
  assert.deepEqual(said.content.map((c) => text(ctx, c)), ["''faith that shows itself in good works,''"]);
  // `he said` left unlabelled: the aside becomes an attribution of its own, in text order.
  const ctx2 = context(p);
  const atts2 = linkSpans(ctx2, [[SOURCE, "Mr. Bush"], [CUE, "praised"], [CONTENT, "his brother's ''deep faith'' - ''faith that shows itself in good works,''"]]);
  assert.deepEqual(atts2.map((a) => [text(ctx2, a.source), text(ctx2, a.cue), a.content.map((c) => text(ctx2, c)).join(" | ")]), [
    ["Mr. Bush", "praised", "his brother's ''deep faith''"],
    ["he", "said", "''faith that shows itself in good works,''"],
  ]);
  // No dash before the quotation, or no verb of saying after it: the content stays whole.
  const ctx3 = context("Mr. Bush praised his brother's ''deep faith'' and ''faith that shows itself in good works,'' he said - and argued.");
  const atts3 = linkSpans(ctx3, [[SOURCE, "Mr. Bush"], [CUE, "praised"], [CONTENT, "his brother's ''deep faith'' and ''faith that shows itself in good works,''"]]);
  assert.deepEqual(atts3.map((a) => a.content.map((c) => text(ctx3, c)).join(" | ")), ["his brother's ''deep faith'' and ''faith that shows itself in good works,''"]);
  const ctx4 = context("Mr. Bush praised his brother's ''deep faith'' - ''faith that shows itself in good works,'' he smiled at the crowd - and left.");
  const atts4 = linkSpans(ctx4, [[SOURCE, "Mr. Bush"], [CUE, "praised"], [CONTENT, "his brother's ''deep faith'' - ''faith that shows itself in good works,''"]]);
  assert.equal(atts4.length, 1);
});

test("colon introductions: a name, one lower-case word and a colon before a floating quotation are its source and cue", () => {
  const ctx = context("Many agreed. Jared Potts echoed: “He speaks his mind.”");
  const atts = linkSpans(ctx, [[CONTENT, "“He speaks his mind.”"]]);
  assert.equal(atts.length, 1);
  assert.deepEqual([text(ctx, atts[0]!.source), text(ctx, atts[0]!.cue)], ["Jared Potts", "echoed:"]);
  // A capitalised word before the colon is no verb (`Jared Potts Jr.:`, a title); a quotation with a cue keeps it.
  const ctx2 = context("Many agreed. The verdict of Jared Potts Today: “He speaks his mind.”");
  const atts2 = linkSpans(ctx2, [[CONTENT, "“He speaks his mind.”"]]);
  assert.equal(atts2[0]!.cue, null);
  const ctx3 = context("Many agreed. Jared Potts echoed: “He speaks his mind,” she said.");
  const atts3 = linkSpans(ctx3, [[CONTENT, "“He speaks his mind,”"], [SOURCE, "she"], [CUE, "said"]]);
  assert.deepEqual([text(ctx3, atts3[0]!.source), text(ctx3, atts3[0]!.cue)], ["she", "said"]);
});

test("noun cues: a bare verb form right after a source opened by `a` is a noun, no attribution; plural heads and other subjects keep theirs", () => {
  const ctx = context("A British terror suspect held in Guantanamo Bay plans to sue the government.");
  assert.deepEqual(linkSpans(ctx, [[SOURCE, "A British terror"], [CUE, "suspect"], [CONTENT, "held in Guantanamo Bay"]]), []);
  const ctx2 = context("A majority of voters say they trust him.");
  const atts2 = linkSpans(ctx2, [[SOURCE, "A majority of voters"], [CUE, "say"], [CONTENT, "they trust him"]]);
  assert.deepEqual(atts2.map((a) => text(ctx2, a.cue)), ["say"]);
  const ctx3 = context("The police suspect that he fled the country.");
  const atts3 = linkSpans(ctx3, [[SOURCE, "The police"], [CUE, "suspect"], [CONTENT, "that he fled the country"]]);
  assert.deepEqual(atts3.map((a) => text(ctx3, a.source)), ["The police"]);
  // An inflected verb agrees with `a`: `A spokesman says …` stays.
  const ctx4 = context("A spokesman says the talks will go on.");
  assert.equal(linkSpans(ctx4, [[SOURCE, "A spokesman"], [CUE, "says"], [CONTENT, "the talks will go on"]]).length, 1);
});

test("naming: a thing called, titled or so-called a quoted name is no attribution; a person calling something keeps it", () => {
  const ctx = context("Calabrese has set up a website called “Cape Breton If Donald Trump Wins” for Americans.");
  assert.deepEqual(linkSpans(ctx, [[SOURCE, "a website"], [CUE, "called"], [CONTENT, "“Cape Breton If Donald Trump Wins”"]]), []);
  const ctx2 = context('The ad, titled "Unifier?", ran on Monday.');
  assert.deepEqual(linkSpans(ctx2, [[SOURCE, "The ad,"], [CUE, "titled"], [CONTENT, '"Unifier?"']]), []);
  const ctx3 = context("They armed the so called “rebels” in the north, the so-called “freedom fighters”.");
  assert.deepEqual(linkSpans(ctx3, [[SOURCE, "so"], [CUE, "called"], [CONTENT, "“rebels”"], [CUE, "so-called"], [CONTENT, "“freedom fighters”"]]), []);
  // A speaker who calls something a name passes a judgement: kept.
  const ctx4 = context("It was a massacre, which he called “an evil, hateful act.”");
  assert.deepEqual(linkSpans(ctx4, [[SOURCE, "he"], [CUE, "called"], [CONTENT, "“an evil, hateful act.”"]]).map((a) => text(ctx4, a.source)), ["he"]);
  const ctx5 = context("It was what the aide Kevin Phillips called “the beginning of a new Republican era.”");
  assert.equal(linkSpans(ctx5, [[SOURCE, "the aide Kevin Phillips"], [CUE, "called"], [CONTENT, "“the beginning of a new Republican era.”"]]).length, 1);
});

test("seem subjects: a source-less `seem` / `is expected` cue takes its clause's subject as the first content fragment", () => {
  const fragments = (paragraph: string, cue: string, content: string): string[][] => {
    const ctx = context(paragraph);
    return linkSpans(ctx, [[CUE, cue], [CONTENT, content]]).map((a) => a.content.map((c) => text(ctx, c)!));
  };
  assert.deepEqual(fragments("The ballot question fight is expected to be a top-dollar operation.", "is expected", "to be a top-dollar operation"), [
    ["The ballot question fight", "to be a top-dollar operation"],
  ]);
  // The clause starts after a subordinator or a conjunction after a comma, not at `and` inside the subject.
  assert.deepEqual(fragments("The poll was close, but the race seemed to be his to lose.", "seemed", "to be his to lose"), [["the race", "to be his to lose"]]);
  assert.deepEqual(fragments("Picking winners and losers seemed beside the point.", "seemed", "beside the point"), [["Picking winners and losers", "beside the point"]]);
  // A leading adverbial set off by a comma is left out, and so is an insertion of several words before the cue.
  assert.deepEqual(fragments("Separately, the Obama administration, under growing pressure, is expected to declassify the pages.", "is expected", "to declassify the pages"), [
    ["the Obama administration", "to declassify the pages"],
  ]);
  // One word set off by commas stays, as PolNeAR keeps it.
  assert.deepEqual(fragments("His personal story, however, seemed wasted on them.", "seemed", "wasted on them"), [["His personal story, however,", "wasted on them"]]);
  // A source the tagger gave the cue before it is the subject, and the attribution has no source; one after it stays.
  let ctx = context("The senator seemed to agree.");
  let atts = linkSpans(ctx, [[SOURCE, "The senator"], [CUE, "seemed"], [CONTENT, "to agree"]]);
  assert.deepEqual(atts.map((a) => [text(ctx, a.source), a.content.map((c) => text(ctx, c))]), [[null, ["The senator", "to agree"]]]);
  ctx = context("It seemed to the senator a fine plan.");
  atts = linkSpans(ctx, [[CUE, "seemed"], [SOURCE, "the senator"], [CONTENT, "a fine plan"]]);
  assert.deepEqual(atts.map((a) => [text(ctx, a.source), a.content.map((c) => text(ctx, c))]), [["the senator", ["a fine plan"]]]);
  // Not with another verb, nor when the subject is inside a quotation.
  assert.deepEqual(fragments("The senator hopes to win the state.", "hopes", "to win the state"), [["to win the state"]]);
  assert.deepEqual(fragments("“The plan seemed to fail,” a voter wrote.", "seemed", "to fail"), [["to fail"]]);
  // After a closing mark the subject starts anew.
  assert.deepEqual(fragments("“The plan,” it seemed, was dead.", "seemed", "was dead"), [["it", "was dead"]]);
});
