/**
 * Time direction: which Friday, which November a reference means, by the tense of its own clause and the event it
 * attaches to; and the --direction evaluation over hand labels (run here on a self-written text, not on PolNeAR).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tagTimexes } from "../src/stages/time/tagger.js";
import { dateOf, directionReport, parseDirectionLabels, scoreDirection } from "../src/stages/time/eval/direction.js";
import { main } from "../src/stages/time/eval/cli.js";
import { analyze } from "../src/analyze.js";
import type { Article } from "../src/core/article.js";

/** The value of the timex whose text is `words` (exactly one such timex). */
function valueOf(text: string, dct: string, words: string): string {
  const hits = tagTimexes(text, dct).filter((t) => t.text === words);
  assert.equal(hits.length, 1, `expected one timex "${words}" in "${text}", got ${JSON.stringify(tagTimexes(text, dct))}`);
  return hits[0]!.value;
}

const SAT = "2016-10-15"; // a Saturday
const MON = "2016-11-07"; // a Monday, the day before the 2016 election
const THU = "2016-04-28";

test("a past-tense verb points back: the issue's Friday of a Saturday article", () => {
  const v = valueOf("Republican senators called on President Obama to reject the deal on Friday.", SAT, "Friday");
  assert.equal(v, "2016-10-14");
  assert.notEqual(v, "2016-10-21");
});

test("a scheduled event points ahead, even after a past verb when it lies 'ahead of' it", () => {
  assert.equal(valueOf("Voters head into the election on Tuesday.", MON, "Tuesday"), "2016-11-08");
  assert.equal(valueOf("Turnout fell in the election on Tuesday.", MON, "Tuesday"), "2016-11-01"); // a past clause: no "ahead of"
  assert.equal(valueOf("The candidates made their final pitches ahead of the election on Tuesday.", MON, "Tuesday"), "2016-11-08");
  assert.equal(valueOf("Turnout in Tuesday's primary is the question.", "2016-04-14", "Tuesday"), "2016-04-19");
  // A past verb still wins over the event noun: the debate is over.
  assert.equal(valueOf("Bush clashed with Trump at Saturday's debate.", "2016-02-08", "Saturday"), "2016-02-06");
});

test("future and present tense point ahead, and the comma after the date closes its clause", () => {
  assert.equal(valueOf("She will visit Capitol Hill on Thursday.", "2016-09-14", "Thursday"), "2016-09-15");
  assert.equal(valueOf("The summit opens Friday in Lima.", SAT, "Friday"), "2016-10-21");
  // "told" is the clause of "on Friday"; the "is" after the comma belongs to what he told.
  assert.equal(valueOf("The difference now, he told me on Friday, is that he is an anchor.", "2016-09-19", "Friday"), "2016-09-16");
  assert.equal(valueOf("Sanders, who did win Rhode Island on Tuesday, would likely focus on policy.", "2016-04-27", "Tuesday"), "2016-04-26");
  // With no cue in its own clause the date still takes the cue after the comma.
  assert.equal(valueOf("On Thursday, Russia launched missiles.", "2022-12-31", "Thursday"), "2022-12-29");
});

test("won't is a future; must points ahead unless passive or perfect", () => {
  assert.equal(valueOf("That doesn't mean we won't see a relief rally Thursday.", "2015-12-16", "Thursday"), "2015-12-17");
  assert.equal(valueOf("She must win voters in November.", "2016-03-04", "November"), "2016-11");
  assert.equal(valueOf("The agency had ruled that he must be returned and set Friday as the deadline.", "2000-01-15", "Friday"), "2000-01-14");
});

test("a present reporting verb next to the date looks back; farther off it does not decide", () => {
  assert.equal(valueOf("A CNN poll in January shows that gun policy will be important.", "2016-02-25", "January"), "2016-01");
  assert.equal(valueOf("Her fate in November hinges on Obama's popularity at the time, analyst says.", "2016-08-10", "November"), "2016-11");
});

test("a definite outcome is past whatever the main verb; a hypothetical one is not", () => {
  assert.equal(valueOf("Her victories in Pennsylvania, Maryland and Delaware on Tuesday will only accelerate that shift.", THU, "Tuesday"), "2016-04-26");
  assert.equal(valueOf("A win on Tuesday would give him momentum.", THU, "Tuesday"), "2016-05-03");
});

test("last, next and this decide before the tense", () => {
  // "last Friday" is the most recent Friday before the DCT, a future verb nearby notwithstanding.
  assert.equal(valueOf("He will recall what happened last Friday.", SAT, "last Friday"), "2016-10-14");
  assert.equal(valueOf("He said the vote came next Monday.", SAT, "next Monday"), "2016-10-17"); // a past verb does not turn it back
  assert.equal(valueOf("The talks are this Thursday.", "2016-10-11", "this Thursday"), "2016-10-13");
});

test("months: until an event, that November, a day of last year, the Sept. 11 attacks", () => {
  const may = "2016-05-23";
  assert.equal(valueOf("He vowed to stay in the race until the convention in Philadelphia in July.", may, "July"), "2016-07");
  assert.equal(valueOf("Two researchers were hired by the campaign in July.", may, "July"), "2015-07"); // "by" names an agent here
  assert.equal(valueOf("Riots at the 1968 convention in Chicago contributed to Humphrey's loss that November.", "2016-06-23", "November"), "1968-11");
  assert.equal(valueOf("Humphrey lost that November.", "2016-06-23", "November"), "2015-11"); // no year in focus: by tense
  assert.equal(valueOf("Who would have believed that when we started on June 16th of last year?", "2016-10-02", "June 16th of last year"), "2015-06-16");
  assert.equal(valueOf("He defended his response to the Sept. 11 attacks.", "2016-02-17", "Sept. 11"), "2001-09-11");
  assert.equal(valueOf("She left a Sept. 11 memorial event early.", "2016-09-12", "Sept. 11"), "2016-09-11");
  assert.equal(valueOf("He has pushed Sept. 11 conspiracy theories.", "2016-09-19", "Sept. 11"), "2001-09-11");
  assert.equal(valueOf("He met Sept. 11 victims and their families.", "2016-09-19", "Sept. 11"), "2001-09-11");
});

test("a holiday whose date the sentence states takes that date, and only that holiday", () => {
  const text = "Ukrainians try to ring in the New Year and celebrate the Christmas holiday, which for the country's Orthodox Christians falls on January 7.";
  const v = valueOf(text, "2022-12-31", "Christmas");
  assert.equal(v, "2023-01-07");
  assert.notEqual(v, "2022-12-25");
  assert.equal(valueOf(text, "2022-12-31", "New Year"), "2023-01-01");
  assert.equal(valueOf("Families celebrated Christmas at home.", "2022-12-31", "Christmas"), "2022-12-25");
  assert.equal(valueOf("Easter falls on April 9 this year.", "2023-01-20", "Easter"), "2023-04-09");
});

test("Election Day, Inauguration Day and Cinco de Mayo: a scheduled holiday lies ahead unless the clause is past", () => {
  // The Tuesday after the first Monday of November: 2016-11-08, 2015-11-03 (Nov. 1 2016 was a Tuesday, so not Nov. 1).
  assert.equal(valueOf("Clinton keeps raising money as Election Day grows near.", "2016-09-21", "Election Day"), "2016-11-08");
  assert.equal(valueOf("Its role as Election Day nears is unclear.", "2016-02-18", "Election Day"), "2016-11-08");
  assert.equal(valueOf("With fewer than 70 days remaining until Election Day, ads roll in.", "2016-09-04", "Election Day"), "2016-11-08");
  // Two weeks after the odd-year Election Day a future clause means the next one, not the one just past.
  const v = valueOf("By a year from now, on Election Day, the situation will have morphed.", "2015-11-18", "Election Day");
  assert.equal(v, "2016-11-08");
  assert.notEqual(v, "2015-11-03");
  assert.equal(valueOf("Turnout on Election Day was high.", "2016-11-20", "Election Day"), "2016-11-08");
  assert.equal(valueOf("Turnout on Election Day was high.", "2015-11-20", "Election Day"), "2015-11-03");
  assert.equal(valueOf("The next president, even before Inauguration Day, will need a strategy.", "2016-09-10", "Inauguration Day"), "2017-01-20");
  assert.equal(valueOf("Trump posted a photo of himself eating a taco bowl on Cinco de Mayo.", "2016-07-18", "Cinco de Mayo"), "2016-05-05");
  // A feast is not scheduled in that sense: with no tense it takes the nearest.
  assert.equal(valueOf("Sales around Christmas matter.", "2016-01-10", "Christmas"), "2015-12-25");
});

test("a month that modifies a scheduled event, with no tense in the clause, lies ahead", () => {
  const text = "Republicans appear to be salivating over the prospect of taking on the Democratic socialist in November's general election.";
  assert.equal(valueOf(text, "2016-01-22", "November"), "2016-11");
  assert.equal(valueOf("The November elections decide it.", "2016-01-22", "November"), "2016-11"); // "decide" is no cue
  // Not across a phrase end, and a past tense still decides.
  assert.equal(valueOf("Polls in November and the election itself.", "2016-01-22", "November"), "2015-11");
  assert.equal(valueOf("Turnout in November's election was low.", "2016-01-22", "November"), "2015-11");
  assert.equal(valueOf("Turnout in Tuesday's Wisconsin primary is the question.", "2016-04-01", "Tuesday"), "2016-04-05");
});

test("with no cue at all a weekday takes the default: the latest one on or before the DCT", () => {
  assert.equal(valueOf("Protests on Friday in Ohio.", "2016-10-12", "Friday"), "2016-10-07");
  assert.equal(valueOf("Protests on Wednesday in Ohio.", "2016-10-12", "Wednesday"), "2016-10-12");
});

test("this + month is the month of the DCT's year, whatever the tense", () => {
  assert.equal(valueOf("You must have a united party to win in this November election.", "2016-01-19", "this November"), "2016-11");
  assert.equal(valueOf("The party defends 24 seats that are up for grabs this November.", "2016-03-24", "this November"), "2016-11");
  assert.equal(valueOf("He came in third in the caucuses this March.", "2016-09-07", "this March"), "2016-03");
});

test("modals of possibility and conditions point ahead; not a perfect, a counterfactual or an elliptical if", () => {
  const feb = "2016-02-17";
  // "argued" alone would send November back to 2015.
  assert.equal(valueOf("He argued for a Republican who can win the general election in November.", feb, "November"), "2016-11");
  assert.equal(valueOf("He argued that she may win in November.", feb, "November"), "2016-11");
  assert.equal(valueOf("He argued that she might have won in November.", feb, "November"), "2015-11");
  assert.equal(valueOf("Kaine promised immigration reform if he and Clinton take office in January.", "2016-08-01", "January"), "2017-01");
  assert.equal(valueOf("Cruz wooed delegates to stop him from prevailing at the July convention if he does not win outright.", "2016-04-15", "July"), "2016-07");
  assert.equal(valueOf("Critics said that if he had won in November the race was over.", feb, "November"), "2015-11");
  // "may be" is a guess about what is, and a conjunction before a cue opens the coordinated verb's own clause.
  assert.equal(valueOf("Promotions may be behind November's rise in sales.", "2005-03-15", "November"), "2004-11");
  assert.equal(valueOf("Many people finished work on Friday and can go shopping.", "2005-03-15", "Friday"), "2005-03-11");
  // "if needed" has no clause of its own: the perfect "has been" decides.
  assert.equal(valueOf("She has been cooperating, offering in August to meet with them to help if needed.", "2016-03-03", "August"), "2015-08");
});

test("'the past' qualifies what is over", () => {
  assert.equal(valueOf("Support is unchanged from the past two polls, in February and October.", "2016-05-12", "October"), "2015-10");
});

test("'ahead of' across modifiers, and an event after which the clause is present", () => {
  assert.equal(valueOf("The race has turned nasty ahead of New York's delegate-rich Tuesday primary.", "2016-04-15", "Tuesday"), "2016-04-19");
  assert.equal(valueOf("After a humbling, 22-point defeat in New Hampshire Tuesday, Clinton is staggering in.", "2016-02-11", "Tuesday"), "2016-02-09");
  // A bare "after Tuesday" names no event.
  assert.equal(valueOf("Talks are off until after Tuesday.", "2016-03-10", "Tuesday"), "2016-03-15");
});

test("an event before or after the clause's own: fixed by a past or future clause, else the nearest weekday", () => {
  // After an event, a future clause leaves both sides open: the nearer Tuesday (two days back from a Thursday, two
  // ahead of a Sunday). Before this round a future clause sent it ahead.
  assert.equal(valueOf("After the vote in Ohio on Tuesday, they will regroup.", "2016-03-10", "Tuesday"), "2016-03-08");
  assert.equal(valueOf("After the vote in Ohio on Tuesday, they will regroup.", "2016-03-13", "Tuesday"), "2016-03-15");
  assert.equal(valueOf("After winning Tuesday's primary, he must prepare for Nevada.", "2016-02-11", "Tuesday"), "2016-02-09");
  assert.equal(valueOf("After Thursday's debate, Cruz must travel north.", "2016-01-27", "Thursday"), "2016-01-28");
  // Before an event, a past clause leaves both sides open; a future one does not.
  assert.equal(valueOf("His stumble days before Tuesday's primary has emboldened his rivals.", "2016-02-07", "Tuesday"), "2016-02-09");
  assert.equal(valueOf("Polling done before Tuesday's primary showed a tie.", "2016-03-16", "Tuesday"), "2016-03-15");
  assert.equal(valueOf("Cruz challenged Trump to a debate before the caucuses on Monday.", "2016-01-29", "Monday"), "2016-02-01");
  assert.equal(valueOf("Asked whether he will drop out before Tuesday's primary, he smiled.", "2016-03-10", "Tuesday"), "2016-03-15");
  assert.equal(valueOf("Pence spoke in an interview taped for Sunday's broadcast.", "2016-09-03", "Sunday"), "2016-09-04");
  assert.equal(valueOf("Pence spoke in an interview taped for Sunday's broadcast.", "2016-09-05", "Sunday"), "2016-09-04");
  // "before" an audience and a bare "for Tuesday" are no event: the past tense decides.
  assert.equal(valueOf("She testified before the committee on Thursday.", "2016-07-11", "Thursday"), "2016-07-07");
  assert.equal(valueOf("He asked for Tuesday off.", "2016-03-10", "Tuesday"), "2016-03-08");
  // Since, in the wake of: what came before the clause's event is over.
  assert.equal(valueOf("In the wake of Sunday's vote, there is a new focus on the town.", "2016-06-14", "Sunday"), "2016-06-12");
  assert.equal(valueOf("Since announcing in October that he would not run, Biden has campaigned for her.", "2016-08-17", "October"), "2015-10");
  assert.equal(valueOf("She testified before investigators in October.", "2016-07-11", "October"), "2015-10");
  // "for" must govern the date's own phrase: here it heads "the first time", and the past tense decides.
  assert.equal(valueOf("She sang with her brother for the first time at Wednesday's event.", "2005-03-15", "Wednesday"), "2005-03-09");
  assert.equal(valueOf("Barkley withdrew from the team for Friday's clash.", "2005-03-15", "Friday"), "2005-03-18");
  // After an event in a month: over in a past clause, not in a present one about what is likely.
  assert.equal(valueOf("Rates rose after the election in May.", "2005-03-15", "May"), "2004-05");
  assert.equal(valueOf("Rates are likely to rise after the election in May.", "2005-03-15", "May"), "2005-05");
  assert.equal(valueOf("It is the fifth telecoms deal since October that would need approval.", "2005-03-15", "October"), "2004-10");
});

test("what no one can announce ahead is over when a weekday names it", () => {
  assert.equal(valueOf("Aides argue a path is possible after Tuesday's victory in Indiana.", "2016-05-05", "Tuesday"), "2016-05-03");
  assert.equal(valueOf("It is likely that Friday's provisional agreement may merely reset the clock.", "2016-05-29", "Friday"), "2016-05-27");
  assert.equal(valueOf("Sunday's shooting is the deadliest in the nation's history.", "2016-06-14", "Sunday"), "2016-06-12");
  // A scheduled event named the same way still looks ahead with a future or present clause.
  assert.equal(valueOf("Friday's summit will decide it.", "2016-05-29", "Friday"), "2016-06-03");
});

test("the future of a past moment may lie on either side of the DCT: the nearest weekday", () => {
  const text = "The chief executive was planning to hold a fund-raiser on Thursday night, a spokeswoman said.";
  assert.equal(valueOf(text, "2016-06-03", "Thursday night"), "2016-06-02TNI");
  assert.equal(valueOf(text, "2016-05-30", "Thursday night"), "2016-06-02TNI");
  assert.equal(valueOf("Turnout was expected to be high on Tuesday.", "2016-03-16", "Tuesday"), "2016-03-15");
  // In the present the plan is still ahead.
  assert.equal(valueOf("He is planning to hold a fund-raiser on Thursday.", "2016-06-03", "Thursday"), "2016-06-09");
});

test("no tense from a reporting verb across a quotation mark, nor past a 'that' after the date", () => {
  // The quote has no cue of its own: "said" dates the statement, so November takes the nearest one.
  assert.equal(valueOf('"I feel very good about chances in November," Tester said.', "2016-06-10", "November"), "2016-11");
  // Other cues across the mark still count.
  assert.equal(valueOf('"He will leave on Thursday," Castro said.', "2016-06-10", "Thursday"), "2016-06-16");
  // What he told them is present; the telling was on Friday.
  assert.equal(valueOf('Trump hailed the vote as "fantastic," telling reporters during a visit to Scotland on Friday that he thinks it is great.', "2016-06-26", "Friday"), "2016-06-24");
});

test("a scheduled holiday of an infinitive lies ahead after a past verb; a greeting names its holiday", () => {
  const aug = "2016-08-10";
  assert.equal(valueOf("The group used the comments to urge people to vote for him on Election Day.", aug, "Election Day"), "2016-11-08");
  // "to the polls" is a preposition: the past clause keeps the day behind.
  assert.equal(valueOf("Fewer voters went to the polls on Election Day.", "2015-11-20", "Election Day"), "2015-11-03");
  assert.equal(valueOf('"Happy Cinco de Mayo!," he tweeted.', "2016-07-18", "Cinco de Mayo"), "2016-05-05");
});

test("a paragraph that opens a sentence with 'In YYYY,' puts a holiday of its past clauses in that year", () => {
  const aug = "2016-08-10";
  const gore = "In 2000, Gore distanced himself from Clinton. It was tricky: by Election Day, he was hovering near 60%.";
  assert.equal(valueOf(gore, aug, "Election Day"), "2000-11-07");
  // Not a clause that is not past, not across a paragraph break, not a year mid-sentence, not last year (the usual rule).
  assert.equal(valueOf("In 2000, Gore ran. Voters will go to the polls on Election Day.", aug, "Election Day"), "2016-11-08");
  assert.equal(valueOf("In 2000, Gore lost.\nFamilies celebrated Christmas at home.", aug, "Christmas"), "2015-12-25");
  assert.equal(valueOf("Gore lost in 2000, and families celebrated Christmas at home.", aug, "Christmas"), "2015-12-25");
  assert.equal(valueOf("In 2015, sales fell. Families celebrated Christmas at home.", aug, "Christmas"), "2015-12-25");
});

test("a weekday right before 'for' a scheduled event names the event's day: past clause, nearest weekday", () => {
  const tue = "2016-01-12";
  assert.equal(valueOf("Paul didn't make the cut for the main stage Thursday for the Fox Business debate.", tue, "Thursday"), "2016-01-14");
  assert.equal(valueOf("Paul arrived in Iowa on Sunday for the caucuses.", tue, "Sunday"), "2016-01-10");
  // Without the event after "for", the past clause puts the day behind.
  assert.equal(valueOf("Paul didn't make the cut for the main stage Thursday.", tue, "Thursday"), "2016-01-07");
});

test("an ambiguous month after an article is a month when it modifies the next word, not when a preposition follows", () => {
  assert.equal(valueOf("Clinton is lining up support in the March states.", "2016-01-31", "March"), "2016-03");
  assert.equal(valueOf("A May poll showed her ahead.", "2016-01-31", "May"), "2015-05");
  assert.deepEqual(tagTimexes("He spoke at the March on Washington.", "2016-01-31"), []);
  assert.deepEqual(tagTimexes("The March of Dimes signed the letter.", "2016-01-31"), []);
  assert.deepEqual(tagTimexes("Supporters joined the March Madness pool.", "2016-01-31"), []);
});

const HEADER = "split\tfile\tstart\tend\twords\tdct\tgold\tnote\tbatch";

test("direction labels: a malformed row is an error with its line, not a skip", () => {
  assert.throws(() => parseDirectionLabels("file\tstart\n"), /header/);
  assert.throws(() => parseDirectionLabels(`${HEADER}\ntrain\ta\t9\t3\tFriday\t2016-10-15\t2016-10-14\t\t1\n`), /line 2/);
  assert.throws(() => parseDirectionLabels(`${HEADER}\ntrain\ta\t3\t9\tFriday\t15/10/2016\t2016-10-14\t\t1\n`), /line 2/);
  assert.throws(() => parseDirectionLabels(`${HEADER}\ntrain\ta\t3\t9\tFriday\t2016-10-15\t2016-10-14\t\t\n`), /line 2.*batch/);
  assert.equal(parseDirectionLabels(`${HEADER}\ntrain\ta\t3\t9\tFriday\t2016-10-15\t2016-10-14\t\t2\n`)[0]!.batch, "2");
  assert.equal(dateOf("2016-10-14TNI"), "2016-10-14");
  assert.equal(dateOf("2016-10"), "2016-10");
});

test("direction eval scores per split, lists misses, and refuses labels whose words are not at their offsets", async () => {
  const dir = mkdtempSync(join(tmpdir(), "direction-"));
  mkdirSync(join(dir, "train", "text"), { recursive: true });
  mkdirSync(join(dir, "dev", "text"), { recursive: true });
  const text = "Senators called on Obama on Friday. The summit opens Friday night.";
  writeFileSync(join(dir, "train", "text", "a.txt"), text);
  writeFileSync(join(dir, "dev", "text", "b.txt"), text);
  const f1 = text.indexOf("on Friday");
  const f2 = text.indexOf("Friday night");
  const rows = [
    `train\ta\t${f1}\t${f1 + 9}\ton Friday\t${SAT}\t2016-10-14\t\t1`,
    `train\ta\t${f2}\t${f2 + 6}\tFriday\t${SAT}\t2016-10-21\tthe TIME counts by its day\t1`,
    `dev\tb\t${f1}\t${f1 + 9}\ton Friday\t${SAT}\t2016-10-21\ta deliberately wrong gold\t1`,
    `dev\tb\t${f2}\t${f2 + 6}\tFriday\t${SAT}\t2016-10-21\t\t2`,
  ];
  const splits = scoreDirection(parseDirectionLabels(`${HEADER}\n${rows.join("\n")}\n`), dir);
  assert.deepEqual(splits.map((s) => [s.split, s.right, s.total]), [["train", 2, 2], ["dev", 1, 2]]);
  assert.deepEqual([...splits[1]!.batches], [["1", { total: 1, right: 0 }], ["2", { total: 1, right: 1 }]]);
  assert.equal(splits[1]!.misses[0]!.system, "2016-10-14");
  const report = directionReport(splits);
  assert.match(report[0]!, /^direction:train {2}2 \/ 2 right {2}\(100\.0%\)/);
  assert.ok(report.includes("  batch 1  0 / 1 right  (0.0%)") && report.includes("  batch 2  1 / 1 right  (100.0%)"));
  assert.ok(report.some((l) => l.includes('MISS b') && l.includes("batch 1") && l.includes("gold 2016-10-21") && l.includes("system 2016-10-14")));
  assert.equal(report.at(-1), "direction:all  3 / 4 right  (75.0%)");
  const shifted = `${HEADER}\ntrain\ta\t${f1 + 1}\t${f1 + 10}\ton Friday\t${SAT}\t2016-10-14\t\t1\n`;
  assert.throws(() => scoreDirection(parseDirectionLabels(shifted), dir), /the text has/);
  // The CLI: --direction needs --polnear, and prints the report.
  const labels = join(dir, "labels.tsv");
  writeFileSync(labels, `${HEADER}\n${rows.join("\n")}\n`);
  const errors: string[] = [];
  const logs: string[] = [];
  const err = console.error;
  const log = console.log;
  console.error = (m: string) => errors.push(m);
  console.log = (m: string) => logs.push(m);
  try {
    assert.equal(await main(["--direction", labels]), 2);
    assert.equal(await main(["--direction", labels, "--polnear", dir]), 0);
  } finally {
    console.error = err;
    console.log = log;
  }
  assert.match(errors[0]!, /--direction and --polnear go together/);
  assert.ok(logs.includes("direction:dev  1 / 2 right  (50.0%)"));
});

test("a perfect with an irregular participle looks back ('has taken', 'have shown')", () => {
  const FRI = "2016-02-05";
  // No other cue in the clause: without the perfect the scheduled debate would lie ahead (2016-02-11).
  assert.equal(valueOf("The senator has taken part in Thursday's debate.", FRI, "Thursday"), "2016-02-04");
  assert.equal(valueOf("Both candidates have already given their views at Thursday's debate.", FRI, "Thursday"), "2016-02-04");
  // "has" before a noun is no perfect: the scheduled debate still lies ahead.
  assert.equal(valueOf("The senator has a seat at Thursday's debate.", FRI, "Thursday"), "2016-02-11");
});

test("a scheduled event lies behind when the sentence's verb beyond the tense window is past", () => {
  const FRI = "2016-07-29";
  // "taken" is 18 tokens before the date: outside the 14-token window, still in the sentence.
  const text = "Voters in the district have taken to online forums to question the decision of the senator to skip the state party convention on Wednesday in Denver.";
  assert.equal(valueOf(text, FRI, "Wednesday"), "2016-07-27");
  // With no cue in the sentence the convention still lies ahead, and a quotation mark stops the search.
  assert.equal(valueOf("Voters in the district and their friends and neighbours from across the whole of the state meet the senator at the state party convention on Wednesday in Denver.", FRI, "Wednesday"), "2016-08-03");
  assert.equal(valueOf('He said: "Voters in the district and their friends and neighbours from across the state meet the senator at the state party convention on Wednesday in Denver."', FRI, "Wednesday"), "2016-08-03");
});

test("a scheduled event right before the weekday, news style without 'on', lies ahead with no tense", () => {
  const FRI = "2016-02-05";
  assert.equal(valueOf("Independent voters and the state's primary Tuesday: a guide.", FRI, "Tuesday"), "2016-02-09");
  // The tense still comes first.
  assert.equal(valueOf("Sanders won the state's primary Tuesday.", FRI, "Tuesday"), "2016-02-02");
});

test("a hyphenated compound is one modifier between a weekday and its event", () => {
  const FRI = "2016-02-05";
  assert.equal(valueOf("A guide to Tuesday's first-in-the-nation primary.", FRI, "Tuesday"), "2016-02-09");
  // Still at most two modifiers, and a word that ends the phrase still ends it.
  assert.equal(valueOf("A guide to Tuesday's long and first-in-the-nation primary.", FRI, "Tuesday"), "2016-02-02");
});

test("a month-day of a scheduled event with no tense near it takes a past verb earlier in the sentence", () => {
  const SUN = "2016-04-17";
  // "voted" is 19 tokens before "March": outside the tense window, in the same sentence.
  const text = "The senator's aides voted against the plan to hand out the remaining seats of the state party among the candidates of the March 1 county caucuses.";
  assert.equal(valueOf(text, SUN, "March 1"), "2016-03-01");
  // Without a past verb the caucuses still lie ahead.
  assert.equal(valueOf("The senator's aides and their friends from the whole of the state hand out the remaining seats of the state party among the candidates of the March 1 county caucuses.", SUN, "March 1"), "2017-03-01");
});

test("a present verb of intention before 'to' points ahead ('they don't want to run ... in November')", () => {
  const TUE = "2016-01-19";
  assert.equal(valueOf("Aides say the senator wants to debate the governor in November.", TUE, "November"), "2016-11");
  assert.equal(valueOf("They hope to meet the governor on Friday.", TUE, "Friday"), "2016-01-22");
  // The past of the same verb is no intention still ahead.
  assert.equal(valueOf("The senator wanted to debate the governor in November.", TUE, "November"), "2015-11");
});

/** The values of every timex whose text starts with `word`, in order. */
function valuesOf(text: string, dct: string, word: string): string[] {
  return tagTimexes(text, dct).filter((t) => t.text.startsWith(word)).map((t) => t.value);
}

test("one day per weekday: a weak reading yields to two other mentions of the weekday in the document", () => {
  const FRI = "2016-09-30";
  const past = "At Monday's debate, Clinton cited his remarks. Trump attacked her after Monday's debate.";
  const weak = "Trump is raising questions about his microphone during Monday's debate.";
  // Alone, the present tense puts the debate ahead.
  assert.deepEqual(valuesOf(weak, FRI, "Monday"), ["2016-10-03"]);
  // With two mentions that place it behind, it is theirs; a part of the day keeps its suffix.
  assert.deepEqual(valuesOf(`${past} ${weak}`, FRI, "Monday"), ["2016-09-26", "2016-09-26", "2016-09-26"]);
  assert.deepEqual(valuesOf(`${past} Trump is raising questions over Monday night's debate.`, FRI, "Monday"), ["2016-09-26", "2016-09-26", "2016-09-26TNI"]);
  // One other mention is not enough, and neither is a tie.
  assert.deepEqual(valuesOf(`At Monday's debate, Clinton cited his remarks. ${weak}`, FRI, "Monday"), ["2016-09-26", "2016-10-03"]);
  assert.deepEqual(
    valuesOf(`${past} ${weak} Aides said the next one is on Monday. The hall on Monday is the same. ${weak}`, FRI, "Monday"),
    ["2016-09-26", "2016-09-26", "2016-10-03", "2016-10-03", "2016-10-03", "2016-10-03"],
  );
  // A reading with its own evidence stands: "will" names another Monday.
  assert.deepEqual(valuesOf(`${past} Trump will appear in Ohio on Monday.`, FRI, "Monday"), ["2016-09-26", "2016-09-26", "2016-10-03"]);
  // Other weekdays do not vote.
  assert.deepEqual(valuesOf(`At Tuesday's rally, he spoke. He left after Tuesday's rally. ${weak}`, FRI, "Monday"), ["2016-10-03"]);
});

test("the time stage reads the whole document before it settles a weekday", () => {
  const article: Article = {
    id: "weekday", source: null, url: null, published: "2016-09-30", section: null, title: "Debate", authors: [], language: "en",
    paragraphs: ["Trump is raising questions about his microphone during Monday's debate.", "At Monday's debate, Clinton cited his remarks.", "Trump attacked her after Monday's debate."],
  };
  const a = analyze(article);
  assert.deepEqual(a.timexes.map((t) => t.value), ["2016-09-26", "2016-09-26", "2016-09-26"]);
});

// Round of 2026-12-04 (second session): rules written on batch 8's misses, then checked on the blind batch 9.

test("a sentence that opens with 'By <date>,' tells how things stood then: the tense decides, not the deadline", () => {
  assert.equal(valueOf("By December, when we were looking down the road, California stuck out as a place to compete.", "2016-06-05", "December"), "2015-12");
  assert.equal(valueOf("By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls.", "2016-09-19", "9 a.m. Sunday"), "2016-09-18T09:00");
  // A deadline inside the clause is still a deadline, whatever the tense.
  assert.equal(valueOf("The talks were supposed to conclude by December.", "2016-06-05", "December"), "2016-12");
  assert.equal(valueOf("By December, we will know more.", "2016-06-05", "December"), "2016-12");
});

test("an 'if' clause with 'would' is a reported question; 'if ... were to' is a condition ahead", () => {
  assert.equal(valueOf("Ryan used the same words when asked in May if he would endorse Trump.", "2016-08-03", "May"), "2016-05");
  assert.equal(valueOf("He said that if his candidate were to win in November, she would sign it.", "2016-09-23", "November"), "2016-11");
  // A counterfactual stays a past.
  assert.equal(valueOf("He said that if he had won in November, he would have signed it.", "2016-09-23", "November"), "2015-11");
});

test("the present of a schedule points ahead: 'the court term that begins next Monday and ends in June'", () => {
  assert.equal(valueOf("The justices hear it during the court term that begins next Monday and ends in June.", "2016-09-27", "June"), "2017-06");
  assert.equal(valueOf("The court term ended in June.", "2016-09-27", "June"), "2016-06");
});

test("a scheduled event in an infinitive of purpose under a past verb takes the nearer side", () => {
  assert.equal(valueOf("Officials said Russia engineered the release of the emails to influence the Nov. 8 U.S. presidential election.", "2016-07-31", "Nov. 8"), "2016-11-08");
  assert.equal(valueOf("Pence said Trump's tweet to invite Gennifer Flowers to Monday night's debate was a joke.", "2016-09-25", "Monday night"), "2016-09-26TNI");
  // Not an infinitive ("to reporters"), and no event: the past decides.
  assert.equal(valueOf("Clinton spoke to reporters before the Nov. 8 rally.", "2016-12-01", "Nov. 8"), "2016-11-08");
  assert.equal(valueOf("Russia engineered the release to influence voters on Nov. 8.", "2016-07-31", "Nov. 8"), "2015-11-08");
});

test("a bare month after a year that frames its sentence is of that year; a year of one event frames nothing", () => {
  assert.equal(valueOf("Eight years ago, Obama was on the brink of ending the race, having won 11 contests in February.", "2016-03-10", "February"), "2008-02");
  assert.equal(valueOf("But in 2012, the campaign spent millions on ads beginning in April.", "2016-09-04", "April"), "2012-04");
  assert.equal(valueOf("Lazar was extradited in 2014 to the United States and pleaded guilty in May.", "2016-09-03", "May"), "2016-05");
  assert.equal(valueOf("The firm said songs had been sold since its launch in 2003 and that as of February, it leads.", "2008-04-10", "February"), "2008-02");
  assert.equal(valueOf("In 2008, he said the money would come in February.", "2016-03-10", "February"), "2017-02");
});

test("'the course of March', 'compared with March': the ambiguous month after a period noun or a comparison", () => {
  assert.equal(valueOf("We can build the lead we need over the course of March.", "2016-01-31", "March"), "2016-03");
  assert.equal(valueOf("The rent rose in July compared with March, when he was self-funding.", "2016-08-23", "March"), "2016-03");
  assert.deepEqual(tagTimexes("The March of Dimes met at the end of the March on Washington.", "2016-01-31"), []);
});

test("'likely to' looks ahead; the seasons of a January or February article", () => {
  assert.equal(valueOf("Two in three said they are less likely to vote Republican in November.", "2016-04-22", "November"), "2016-11");
  assert.equal(valueOf("A race that could stretch well into the spring.", "2016-02-10", "the spring"), "2016-SP");
  assert.equal(valueOf("Clinton had held a sturdy lead in Iowa for most of the fall.", "2016-01-18", "the fall"), "2015-FA");
  assert.equal(valueOf("Sanders would have trouble winning in the fall.", "2016-02-20", "the fall"), "2016-FA");
});

test("a bare Sept. 11 after 'before', 'after' or 'since' is the attacks; one that qualifies a noun or looks ahead is not", () => {
  assert.equal(valueOf("The failure to fully comprehend the threat before Sept. 11 is excusable.", "2016-09-22", "Sept. 11"), "2001-09-11");
  assert.equal(valueOf("American women were shocked after Sept. 11 when the spotlight turned on Afghanistan.", "2016-03-18", "Sept. 11"), "2001-09-11");
  assert.equal(valueOf("The hearings will resume after Sept. 11 in the Senate.", "2016-08-01", "Sept. 11"), "2016-09-11");
  assert.equal(valueOf("They met after Sept. 11 rallies in the city.", "2016-09-22", "Sept. 11"), "2016-09-11");
});
