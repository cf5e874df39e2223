import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Article } from "../src/core/article.js";
import { readBytes } from "../src/readers/index.js";
import { classifyParagraph, findDateline } from "../src/stages/text/blocks.js";
import { parseLabels, scoreLabels } from "../src/stages/text/eval/cli.js";
import { fixture } from "./support/paths.js";

const article = (paragraphs: string[], title = "Headline"): Article => ({
  id: "b", source: null, url: null, published: null, section: null, title, authors: [], language: "en", paragraphs,
});
const kinds = (a: ReturnType<typeof analyze>): [string, string][] => a.blocks.map((b) => [b.kind, a.text.slice(b.start, b.end)]);

test("the page around the story gets its kinds: labels, separators, footers, credits, notes, read-more links", () => {
  const cases: [string, string][] = [
    ["ABSTRACT.", "label"], ["FULL TEXT.", "label"], ["DealBook.", "label"], ["Letter From America.", "label"],
    ["___", "separator"], ["* * *", "separator"], ["***", "separator"], ["—-", "separator"],
    ["Follow Ian Hanchett on Twitter @IanHanchett.", "footer"], ["Follow AWR Hawkins on Twitter: @AWRHawkins. Reach him directly at a@b.com.", "footer"],
    ["Sign up to get an email from reporter Ryan Grim when he publishes a new story.", "footer"], ["Do you support Ted Cruz? Like the page:", "footer"],
    ["(Additional reporting by Kylie MacLellan; Editing by Michael Holden and Gareth Jones.)", "credit"],
    ["(Reporting by David Bailey; Editing by Cynthia Osterman.)", "credit"], ["Amanda Terkel contributed reporting.", "credit"],
    ["Editor’s note: Donald Trump regularly incites political violence.", "note"], ["Correction: An earlier version of this story misstated a name.", "note"],
    ["CORRECTION APPENDED.", "note"], ["This article was updated to reflect that Clinton was declared the winner.", "note"],
    ["An earlier version of this story gave the wrong date.", "note"],
    ["Read the rest here.", "related"], ["See live caucus results here.", "related"],
    ["“EVENTUALLY VOTERS MAKE GOOD DECISIONS”", "heading"], ["'A really tough decision.'", "heading"], ["Wary of 'chaos.'", "heading"], ["GARLAND STEPS ASIDE.", "heading"], ["LETTERS.", "label"],
  ];
  for (const [p, kind] of cases) assert.equal(classifyParagraph(p), kind, p);
  // Story paragraphs that share a word or a form with those stay paragraphs.
  for (const p of [
    "Follow the money, the senator said on Tuesday.",
    "The correction in stock prices continued on Friday, traders said.",
    "Reporting by the Times showed the plan had stalled.",
    "He said it was 'fine.'",
    "“We will win,” Cruz told reporters.",
    "Read the report, which runs to 300 pages, before the vote on Monday.",
    "Nooooo!",
    "Subscribers to the service rose 5 percent, the company said in a statement on its results for the quarter.",
    "What changed? His viability.",
  ]) assert.equal(classifyParagraph(p), "paragraph", p);
});

test("datelines in the forms news uses, the horizontal bar and a missing space included", () => {
  assert.deepEqual(findDateline("PHILADELPHIA ― It was Bill Clinton's night."), { length: 14, source: null });
  assert.deepEqual(findDateline("PHILADELPHIA - It was Bill Clinton's night."), { length: 14, source: null });
  assert.deepEqual(findDateline("LONDON — The minister said."), { length: 8, source: null });
  assert.deepEqual(findDateline("DETROIT – The plant closed."), { length: 9, source: null });
  assert.deepEqual(findDateline("BOSTON —Standing in front of a crowd, she spoke."), { length: 8, source: null });
  assert.deepEqual(findDateline("WASHINGTON (Reuters) - U.S. officials said."), { length: 22, source: "Reuters" });
  assert.deepEqual(findDateline("LONDON (Reuters) ― Prices rose."), { length: 18, source: "Reuters" });
  assert.deepEqual(findDateline("BUENA PARK, Calif. - Rallying hundreds of workers."), { length: 20, source: null });
  assert.equal(findDateline("NATO —the alliance— met."), null, "no dash straight after a word that is then lower case");
  assert.equal(findDateline("US-China talks resumed."), null);
});

test("layout: a sub-headline before the dateline is a heading; after a bare CORRECTION: the rest is the note; an author footer closes", () => {
  const a = analyze(article([
    "Amid fury at the system, she's seen as 'part of the people in power.'",
    "BUENA PARK, Calif. - Rallying hundreds of service workers, Hillary Clinton spoke.",
    "The crowd cheered.",
    "CORRECTION:",
    "An article on Nov. 26 misstated the host.",
    "Friday, December 4, 2015.",
  ]));
  assert.deepEqual(kinds(a), [
    ["title", "Headline"],
    ["heading", "Amid fury at the system, she's seen as 'part of the people in power.'"],
    ["dateline", "BUENA PARK, Calif. -"],
    ["paragraph", "Rallying hundreds of service workers, Hillary Clinton spoke."],
    ["paragraph", "The crowd cheered."],
    ["note", "CORRECTION:"],
    ["note", "An article on Nov. 26 misstated the host."],
    ["note", "Friday, December 4, 2015."],
  ]);
  const footer = analyze(article([
    "It is a common misconception that socialism is about helping poor people.",
    "Glenn Harlan Reynolds, a University of Tennessee law professor, is a member of USA TODAY's Board of Contributors.",
  ]));
  assert.equal(footer.blocks.at(-1)!.kind, "footer");
  // The same sentence inside the story is a paragraph: only the last blocks are read as a footer.
  const inside = analyze(article(["Jane Doe, a professor, is a columnist for the paper.", "She said so.", "Then she left.", "The end came."]));
  assert.equal(inside.blocks[1]!.kind, "paragraph");
  // A long first paragraph is the story: no dateline is looked for after it.
  const late = analyze(article(["The council met on Monday. It voted.", "LONDON — Prices rose."]));
  assert.deepEqual(late.blocks.map((b) => b.kind), ["title", "paragraph", "paragraph"]);
});

test("labels, notes, footers and credits stay out of what entities and quotes read", () => {
  const a = analyze(article([
    "ABSTRACT.",
    "Acme Corp hired Jane Doe on Monday, the company said.",
    "Follow Ian Hanchett on Twitter @IanHanchett.",
    "(Additional reporting by Kylie MacLellan; Editing by Michael Holden.)",
    "Editor’s note: Barack Obama said nothing of the kind.",
  ]));
  const names = a.entities.map((e) => e.name);
  assert.ok(names.includes("Acme Corp"), names.join(", "));
  for (const name of ["Ian Hanchett", "Kylie MacLellan", "Michael Holden", "Barack Obama"]) assert.ok(!names.some((n) => n.includes(name.split(" ")[1]!)), `${name} in ${names.join(", ")}`);
});

test("the hand-labelled PolNeAR lines whose kind their form shows are classified so (test/fixtures/blocks)", () => {
  const rows = readFileSync(fixture("blocks", "polnear-labels.tsv"), "utf8").split("\n").filter((l) => !l.startsWith("#") && l.includes("\t"));
  const labels = parseLabels(rows.join("\n"));
  assert.deepEqual([...new Set(labels.map((l) => l.set))].map((set) => new Set(labels.filter((l) => l.set === set).map((l) => l.text)).size), [35, 7, 14]);
  // Lines whose kind comes from where they stand are left to the layout test above: sub-headlines (under a headline
  // ending in ";", or before a dateline) and the lines of a correction after its bare "CORRECTION:".
  const byPosition = new Set(["Iowa, N.H. targeted for next two months.", "Races tighten on both sides, so politicos push planks, challenge polling.",
    "One protest organizer says party platform ignores movement.", "Plan would create huge experiment in effects of higher labor costs.",
    "Amid fury at the system, she's seen as 'part of the people in power.'", "Talk compared to 'working the referees' at a basketball game.",
    "Curfew lifted, but city still in limbo as  Guard occupies quiet streets.", "As published in the International New York Times.", "Friday, December 4, 2015."]);
  let checked = 0;
  for (const row of rows.slice(1)) {
    const [, , , kind, short] = row.split("\t");
    if (!short || byPosition.has(short)) continue;
    checked++;
    assert.equal(classifyParagraph(short), kind, short);
  }
  assert.ok(checked >= 30, `${checked} lines checked`);
});

test("plain text: a headline ending in ';' with a line below it gives that line as a sub-headline", () => {
  const [item] = readBytes(Buffer.from("Super PAC ad attack coming;\nIowa, N.H. targeted for next two months.\n\nA Republican onslaught will hit the airwaves.\n"), "s.txt");
  assert.ok(item && "article" in item);
  assert.deepEqual(kinds(analyze(item.article)).map(([k]) => k), ["title", "heading", "paragraph"]);
  const [plain] = readBytes(Buffer.from("A headline\nFirst paragraph.\n\nSecond.\n"), "p.txt");
  assert.ok(plain && "article" in plain);
  assert.deepEqual(kinds(analyze(plain.article)).map(([k]) => k), ["title", "paragraph", "paragraph"]);
});

test("eval blocks: a line is right when a block of its kind starts there; a 'cont' line when none does; 'x' is not scored", () => {
  const text = "Headline\n\nABSTRACT.\n\nThe council met on Monday and\nagreed.\n\n<tweet/>.\n\nFollow Jane Doe on Twitter @jdoe.\n";
  const labels = parseLabels(["1\ttitle", "3\tlabel", "5\tparagraph", "6\tcont", "8\tx", "10\tparagraph"].map((r) => `s\tt\t${r}\t`).join("\n"));
  const score = scoreLabels(labels, () => text);
  assert.equal(score.lines, 5);
  assert.equal(score.correct, 4);
  assert.deepEqual(score.errors, ["t:10 paragraph read as footer"]);
  assert.deepEqual(score.byKind.get("footer"), { gold: 0, predicted: 1, correct: 0 });
});
