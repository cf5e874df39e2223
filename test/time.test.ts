import { test } from "node:test";
import assert from "node:assert/strict";
import { tagTimexes } from "../src/stages/time/tagger.js";

const DCT = "2022-12-31"; // a Saturday, the seed article's publication date

function values(text: string, dct: string | null = DCT): [string, string, string, string | null][] {
  return tagTimexes(text, dct).map((t) => [t.text, t.type, t.value, t.mod]);
}

function one(text: string, dct: string | null = DCT): [string, string, string, string | null] {
  const all = values(text, dct);
  assert.equal(all.length, 1, `expected one timex in "${text}", got ${JSON.stringify(all)}`);
  return all[0]!;
}

test("weekdays follow the tense of the clause", () => {
  assert.deepEqual(one("On Thursday, Russia launched one of the largest missile barrages."), ["Thursday", "DATE", "2022-12-29", null]);
  assert.deepEqual(one("Xi will arrive on Friday."), ["Friday", "DATE", "2023-01-06", null]);
  assert.deepEqual(one("The meeting began on Friday."), ["Friday", "DATE", "2022-12-30", null]);
});

test("months and month-days against the publication date", () => {
  assert.deepEqual(one("Russia invaded Ukraine in February."), ["February", "DATE", "2022-02", null]);
  assert.deepEqual(one("The holiday falls on January 7."), ["January 7", "DATE", "2023-01-07", null]);
  assert.deepEqual(one("He met Putin in September at a summit."), ["September", "DATE", "2022-09", null]);
  assert.deepEqual(one("The summit in Samarkand, Thursday, Sept. 15, 2022."), ["Thursday, Sept. 15, 2022", "DATE", "2022-09-15", null]);
  assert.deepEqual(one("Prices rose in March 2013."), ["March 2013", "DATE", "2013-03", null]);
});

test("seasons, quarters, decades and position modifiers", () => {
  assert.deepEqual(one("Putin invited Xi to Moscow in the spring of 2023."), ["the spring of 2023", "DATE", "2023-SP", null]);
  assert.deepEqual(one("They will meet next spring."), ["next spring", "DATE", "2023-SP", null]);
  assert.deepEqual(one("Profits fell in the third quarter of 2022."), ["the third quarter of 2022", "DATE", "2022-Q3", null]);
  assert.deepEqual(one("It was popular in the 1990s."), ["the 1990s", "DATE", "199", null]);
  assert.deepEqual(one("The plant opens in mid-2021."), ["mid-2021", "DATE", "2021", "MID"]);
  assert.deepEqual(one("Sales fell earlier this month."), ["earlier this month", "DATE", "2022-12", "START"]);
});

test("relative expressions", () => {
  assert.deepEqual(one("Talks stalled last week."), ["last week", "DATE", "2022-W51", null]);
  assert.deepEqual(one("He left two years ago."), ["two years ago", "DATE", "2020", null]);
  assert.deepEqual(one("It happened yesterday."), ["yesterday", "DATE", "2022-12-30", null]);
  assert.deepEqual(values("The fire started on Dec. 20, 2022. The previous day was calm."), [
    ["Dec. 20, 2022", "DATE", "2022-12-20", null],
    ["The previous day", "DATE", "2022-12-19", null],
  ]);
});

test("durations with modifiers", () => {
  assert.deepEqual(one("But more than 10 months after the war, the world is different."), ["more than 10 months", "DURATION", "P10M", "MORE_THAN"]);
  assert.deepEqual(one("Officials have been warning for days."), ["days", "DURATION", "PXD", null]);
  assert.deepEqual(one("It signed a three-year deal."), ["three-year", "DURATION", "P3Y", null]);
  assert.deepEqual(one("It took about a decade."), ["about a decade", "DURATION", "P10Y", "APPROX"]);
});

test("fuzzy references and sets", () => {
  assert.deepEqual(one("Relations have grown closer in recent years."), ["recent years", "DATE", "PAST_REF", null]);
  assert.deepEqual(one("The country is currently battling covid."), ["currently", "DATE", "PRESENT_REF", null]);
  assert.deepEqual(one("We will see in the future."), ["the future", "DATE", "FUTURE_REF", null]);
  assert.deepEqual(one("The market opens every Tuesday."), ["every Tuesday", "SET", "XXXX-WXX-2", null]);
  assert.deepEqual(one("The report is published annually."), ["annually", "SET", "P1Y", null]);
  assert.deepEqual(one("The shop closes on Mondays."), ["Mondays", "SET", "XXXX-WXX-1", null]);
  assert.deepEqual(one("They meet twice a week."), ["twice a week", "SET", "P1W", null]);
});

test("holidays with fixed and computed dates", () => {
  assert.deepEqual(one("Ukrainians try to ring in the New Year."), ["New Year", "DATE", "2023-01-01", null]);
  assert.deepEqual(one("They will celebrate Easter together.", "2023-03-01"), ["Easter", "DATE", "2023-04-09", null]);
  assert.deepEqual(one("Families gathered on Christmas Day.", null), ["Christmas Day", "DATE", "XXXX-12-25", null]);
});

test("times of day", () => {
  assert.deepEqual(one("The blast came at 10:35 a.m. Friday.", "1998-08-07"), ["10:35 a.m. Friday", "TIME", "1998-08-07T10:35", null]);
  assert.deepEqual(one("The vote is set for tonight."), ["tonight", "TIME", "2022-12-31TNI", null]);
});

test("precision: names, verbs, titles and counts are not timexes", () => {
  assert.deepEqual(values("China is eager for peace, said Yun Sun, director of the China program."), []);
  assert.deepEqual(values("Theresa May said the vote would go ahead."), []);
  assert.deepEqual(values("May said she would resign."), []);
  assert.deepEqual(values("Thousands march in the capital."), []);
  assert.deepEqual(values("The film Freaky Friday was remade."), []);
  assert.deepEqual(values("The army sent 1500 troops to the border."), []);
  assert.deepEqual(values("Prices fall in every market, now that supply has recovered."), []);
  assert.deepEqual(values("The fall of Kabul shocked the world."), []);
  assert.deepEqual(values("Now, he says, the plan has failed."), []);
  assert.deepEqual(values("His Girl Friday was shown again."), []);
});

test("the day in focus, fiscal years, the past year, terms", () => {
  assert.deepEqual(one("The Dow rose 50 points to end the day at 9,505.", "2009-08-21"), ["the day", "DATE", "2009-08-21", null]);
  assert.deepEqual(one("The index fell late in the day after falling in the morning trade.", "2007-08-10")[2], "2007-08-10");
  assert.deepEqual(values("Their candidate carried the day."), []);
  assert.deepEqual(values("It earned $2 million for the year ended Sept. 30.", "1989-10-30")[0], ["the year", "DURATION", "P1Y", null]);
  assert.deepEqual(one("Hate groups grew over the past year.", "1998-03-03"), ["the past year", "DATE", "1997", null]);
  assert.deepEqual(one("Sales rebounded in the last week of March.", "2009-04-01"), ["the last week of March", "DATE", "2009-W13", null]);
  assert.deepEqual(one("Prices will stay high in the near term."), ["the near term", "DATE", "FUTURE_REF", null]);
  assert.deepEqual(one("The plant is closed for the time being."), ["the time being", "DATE", "PRESENT_REF", null]);
});

test("years read out in words", () => {
  assert.deepEqual(one("He promised to halve unemployment by the year two thousand.", "1998-02-05"), ["the year two thousand", "DATE", "2000", null]);
  assert.deepEqual(one("It opened in January nineteen ninety-seven.", "1998-02-05"), ["January nineteen ninety-seven", "DATE", "1997-01", null]);
  assert.deepEqual(one("He was elected in nineteen ninety-six.", "1998-02-05"), ["nineteen ninety-six", "DATE", "1996", null]);
  assert.deepEqual(values("There were nineteen ninety-six votes cast.", "1998-02-05"), []);
});

test("weekdays after a place or a name, in news style", () => {
  assert.deepEqual(one("Shares closed lower in Tokyo Monday.", "1989-10-31"), ["Monday", "DATE", "1989-10-30", null]);
  assert.deepEqual(one("The World Court Friday rejected the objections.", "1998-02-27"), ["Friday", "DATE", "1998-02-27", null]);
  assert.deepEqual(one("Also Sunday, protesters rallied in the city.", "1998-02-23"), ["Sunday", "DATE", "1998-02-22", null]);
  assert.deepEqual(one("Bombs exploded in Kenya and Tanzania Friday, killing 81 people.", "1998-08-08")[2], "1998-08-07");
  assert.deepEqual(one("Iran Saturday condemned the bombing.", "1998-08-09")[2], "1998-08-08");
  assert.deepEqual(one("Poland and the Czech Republic Friday formally joined NATO.", "1999-03-13")[2], "1999-03-12");
  assert.deepEqual(values("Shoppers crowded stores on Black Friday and Super Tuesday voters stayed home.", "1998-08-09"), []);
});

test("no publication date leaves relative values underspecified", () => {
  assert.deepEqual(one("Russia invaded Ukraine in February.", null), ["February", "DATE", "XXXX-02", null]);
  assert.deepEqual(one("The meeting began on Friday.", null), ["Friday", "DATE", "XXXX-WXX-5", null]);
});

test("earnings comparisons, sentence-opening weekdays, future cues, runs of units, clipped years", () => {
  const q = values("Net rose in the third quarter. Sales were $3 million, or 9 cents a share, a year earlier.", "1989-10-30");
  assert.deepEqual(q.map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
  assert.deepEqual(one("The group was founded a year earlier, he said.", "1989-10-30")[2], "1988"); // no quarter in focus
  // The quarter in focus is itself last year's: a further "a year earlier" is the year, not 1987-Q3.
  const older = values("Profit was $5 million a year ago. Revenue was $80 million, compared with $70 million a year earlier.", "1989-10-30");
  assert.deepEqual(values("Net rose in the third quarter from $2 million a year ago.", "1989-10-30").map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
  assert.deepEqual(older.map((t) => t[2]), ["1988", "1988"]);
  const chained = values("Net rose in the third quarter from $2 million a year ago. Sales fell to $9 million from $10 million a year earlier.", "1989-10-30");
  assert.deepEqual(chained.map((t) => t[2]), ["1989-Q3", "1988-Q3", "1988"]);
  assert.deepEqual(one("Earlier Friday, lawyers filed a petition.", "2000-01-07"), ["Earlier Friday", "DATE", "2000-01-07", "START"]);
  assert.deepEqual(one("It threatens the peace process, set to resume Monday in Belfast.", "1998-03-22")[2], "1998-03-23");
  assert.deepEqual(one("Stocks fell for six straight days."), ["six straight days", "DURATION", "P6D", null]);
  assert.deepEqual(one("Japan shrank for two consecutive quarters."), ["two consecutive quarters", "DURATION", "P2Q", null]);
  assert.deepEqual(one("The Nikkei is at its lowest level since '82.", "2008-10-27")[2], "1982");
  assert.deepEqual(values("He won six straight games."), []);
});

test("a year before an ordinal quarter, and 'the 1988 period' beside a reported quarter", () => {
  assert.deepEqual(one("Net fell from $4 million in the 1988 third quarter.", "1989-10-30"), ["the 1988 third quarter", "DATE", "1988-Q3", null]);
  assert.deepEqual(one("Sales rose 5% from 1988 second quarter levels.", "1989-10-30")[2], "1988-Q2");
  const q = values("Net rose in the third quarter. It earned $3 million in the 1988 period.", "1989-10-30");
  assert.deepEqual(q.map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
  assert.deepEqual(one("The 1988 period saw record floods.", "1989-10-30")[2], "1988"); // no quarter in focus
  assert.deepEqual(one("He ran for 1988 seconds."), ["1988 seconds", "DURATION", "PT1988S", null]);
});

test("ages are not durations: 'the 6-year-old boy', 'the three-year-old'", () => {
  for (const s of ["The 6-year-old boy was found.", "the three-year-old filly won", "a 50-year-old building"]) {
    assert.deepEqual(tagTimexes(s, "2000-04-17").map((t) => t.text), [], s);
  }
  assert.deepEqual(tagTimexes("the 6-year lease ended", "2000-04-17").map((t) => t.value), ["P6Y"]);
});

test("deadlines point ahead whatever the tense, except in the past perfect", () => {
  assert.deepEqual(one("The government gave Merieux until mid-November to submit more information.", "1989-10-30")[2], "1989-11");
  assert.deepEqual(one("The talks were supposed to conclude by May.", "1998-03-22")[2], "1998-05");
  assert.deepEqual(one("Officials postponed until Tuesday any action on the case.", "2000-03-30")[2], "2000-04-04");
  assert.deepEqual(one("Castro said the father could leave as early as Tuesday.", "2000-04-03")[2], "2000-04-04");
  assert.deepEqual(one("Thirty-two members had filed reports by Wednesday.", "1990-08-16")[2], "1990-08-15");
  assert.deepEqual(one("Until Thursday, they had not called Kopp a suspect.", "1999-05-07")[2], "1999-05-06");
  assert.deepEqual(one("Sales rose through August.", "1989-10-26")[2], "1989-08");
});

test("comparisons with the same month or quarter a year before, and months of a named year", () => {
  const month = values("Sales fell 35% in January, compared to the same month a year ago.", "2009-02-03");
  assert.deepEqual(month.map((t) => [t[0], t[2]]), [["January", "2009-01"], ["the same month a year ago", "2008-01"]]);
  const quarter = values("Net rose in the third quarter from the corresponding period last year.", "1989-10-30");
  assert.deepEqual(quarter.map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
  assert.deepEqual(values("It grew from the same period last year.", "2010-03-03").map((t) => t[0]), ["last year"]); // nothing in focus
  assert.deepEqual(one("Dealers whose franchises end after October of next year will be told.", "2009-05-15"), ["October of next year", "DATE", "2010-10", null]);
  assert.deepEqual(one("The stock fell a week ago.", "2011-03-18")[2], "2011-03-11");
  assert.deepEqual(one("The stock fell six weeks ago.", "2011-03-18")[2], "2011-W05");
});

test("attributive 'recent' and 'current' are fuzzy references; 'current account' is not", () => {
  assert.deepEqual(one("Automakers were hit hard in the recent downturn."), ["recent", "DATE", "PAST_REF", null]);
  assert.deepEqual(one("Given the current state of the economy, we will act."), ["current", "DATE", "PRESENT_REF", null]);
  assert.deepEqual(values("The current account deficit widened, said a current affairs show."), []);
});

test("decimal points and abbreviations do not cut a clause off from its verb", () => {
  const q = values("The economy contracted by 0.9% between April and June.", "2008-11-18");
  assert.deepEqual(q.map((t) => t[2]), ["2008-04", "2008-06"]);
  assert.deepEqual(one("Many died in the blasts next to the U.S. embassies on Friday.", "1998-08-09")[2], "1998-08-07");
  assert.deepEqual(one("On Sunday, the Eurogroup -- that is, the countries which use the euro -- agreed to act.", "2008-10-13")[2], "2008-10-12");
});

test("an annual profit covers a year; an annual conference is not tagged; 'in just minutes'", () => {
  assert.deepEqual(values("GM has posted its first annual loss since 1992.", "2006-01-27").map((t) => t[2]), ["P1Y", "1992"]);
  assert.deepEqual(values("Jobs spoke at the annual conference."), []);
  assert.deepEqual(one("The index fell 100 points in just minutes.")[2], "PTXM");
});

test("passives, nouns and 'payable' in the tense cues; 'Oct.' does not end a sentence; 'Oct. 26:' is a date", () => {
  assert.deepEqual(one("The increased dividend will be paid Dec. 14.", "1989-10-26")[2], "1989-12-14");
  assert.deepEqual(values("It declared a dividend of five cents, payable Dec. 1 to stock of record Nov. 10.", "1989-10-27").map((t) => t[2]), ["1989-12-01", "1989-11-10"]);
  assert.deepEqual(one("The thrift announced the plan Aug. 21.", "1989-10-27")[2], "1989-08-21");
  assert.deepEqual(one("He was shot to death last Oct. 23 at his home.", "1999-04-19")[2], "1998-10-23");
  assert.deepEqual(one("The Times said in an editorial on Monday, Oct. 26: The murder", "1998-10-25"), ["Monday, Oct. 26", "DATE", "1998-10-26", null]);
  assert.deepEqual(values("The meeting starts June 12:30 p.m.", "1998-06-01").map((t) => t[0]), ["June", "12:30 p.m."]);
});

test("a quote's own tense wins over the reporting verb; a deadline before a clock time and its day", () => {
  assert.deepEqual(one("''This father will leave at 4 a.m. EDT Thursday,'' Castro said.", "2000-04-05")[2], "2000-04-06T04:00");
  assert.deepEqual(one("''We met on Thursday,'' he will say.", "2000-04-05")[2], "2000-03-30");
  assert.deepEqual(one("The INS has given the relatives until 9 a.m. Tuesday to sign.", "2000-04-03")[2], "2000-04-04T09:00");
});

test("precision: an ordinal 'a second' and a quoted programme title are not timexes", () => {
  assert.deepEqual(values("A second A380 is also travelling to the US, a second betrayal."), []);
  assert.deepEqual(values('Baker said on ABC-TV\'s "This Week With David Brinkley" that the talks failed.'), []);
  assert.deepEqual(one("He paused for a second.")[2], "PT1S");
  assert.deepEqual(one("Talks resume this week.")[2], "2022-W52");
});

test("ordinal centuries, the latest period, the full year, year end, the near future, coming months", () => {
  assert.deepEqual(one("It was built in the 11th century.")[2], "10");
  assert.deepEqual(values("Net rose in the third quarter. Sales in the latest period fell.", "1989-11-02").map((t) => t[2]), ["1989-Q3", "1989-Q3"]);
  assert.deepEqual(one("It expects a loss for the full year.", "1989-10-30")[2], "1989");
  assert.deepEqual(one("Rates should fall by year's end.", "1989-10-26").slice(2), ["1989", "END"]);
  assert.deepEqual(one("Prices should ease in the near future.")[2], "FUTURE_REF");
  assert.deepEqual(one("Layoffs are likely in coming months.")[2], "PXM");
});

test("a year's quarter: 'this year's third quarter', 'last year's quarter', 'the quarter a year ago'", () => {
  assert.deepEqual(one("Net sales for this year's third quarter were $14 million.", "1989-10-30"), ["this year's third quarter", "DATE", "1989-Q3", null]);
  assert.deepEqual(one("It could be effective as early as next year's first quarter.", "1989-10-30")[2], "1990-Q1");
  const q = values("Net fell in the third quarter. U.K. sales for last year's quarter were $3 million.", "1989-10-30");
  assert.deepEqual(q.map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
  assert.deepEqual(values("It lost money in the third quarter. For the quarter a year ago, it earned $16 million.", "1989-10-30").map((t) => t[2]), ["1989-Q3", "1988-Q3"]);
});

test("fractions of units: whole plus half in the next smaller unit", () => {
  assert.deepEqual(one("It lasted a minute and a half.")[2], "PT1M30S");
  assert.deepEqual(one("He served 2 1/2 years.")[2], "P2Y6M");
  assert.deepEqual(one("The flight took 5 1/2 hours.")[2], "PT5H30M");
  assert.deepEqual(one("He waited half a year.")[2], "P6M");
  assert.deepEqual(one("The strike lasted 1.5 days.")[2], "P1DT12H");
});

test("recurring weekdays: 'on Mondays', 'Tuesday nights'", () => {
  assert.deepEqual(one("The show airs Tuesday nights.").slice(1, 3), ["SET", "XXXX-WXX-2TNI"]);
  assert.deepEqual(one("The market is closed on Mondays.").slice(1, 3), ["SET", "XXXX-WXX-1"]);
});

test("a quoted title is not a clipped year: ''60 Minutes''", () => {
  assert.deepEqual(values("Gonzalez said on CBS's ''60 Minutes.'' He left.", "2000-04-17"), []);
  assert.deepEqual(one("Prices peaked in '79.", "2000-04-17")[2], "1979");
});

test("years before a name: '1990 BellSouth earnings', 'WWDC 2005'; not 'the Russell 2000 Index' or '1500 Marines'", () => {
  assert.deepEqual(one("Analysts were predicting 1990 BellSouth earnings of $3.90.", "1989-10-30")[2], "1990");
  assert.deepEqual(one("The sanctions overruled a 1971 Convention on air safety.", "1998-02-27")[2], "1971");
  assert.deepEqual(values("The Russell 2000 Index of smaller companies dropped.", "2008-11-20"), []);
  assert.deepEqual(values("The army sent 1500 Marines to the border.", "2008-11-20"), []);
  assert.deepEqual(values("Jobs gives keynote to WWDC 2005\nJune 6, 2005", "2005-06-06").map((t) => t[2]), ["2005", "2005-06-06"]);
});

test("that year/quarter from the focus; this past spring; the weeks ahead; the nineties; within a week of", () => {
  assert.deepEqual(values("Imports were $1.5 billion in 1988, a small share of imports that year.", "1989-10-30").map((t) => t[2]), ["1988", "1988"]);
  assert.deepEqual(one("It scrapped the unit this past spring.", "1989-10-30")[2], "1989-SP");
  assert.deepEqual(one("It may have to sell in the weeks ahead.", "1989-10-30")[2], "PXW");
  assert.deepEqual(one("Hate groups declined through the nineties.", "1998-03-03")[2], "199");
  assert.deepEqual(one("He was killed within a week of his capture.", "1998-02-19")[2], "P1W");
  assert.deepEqual(values("It held a week of talks.", "1998-02-19"), []);
  assert.deepEqual(one("It does not bode well for coming quarters.", "1989-10-26")[2], "PXQ");
});

test("'will one day' is some day to come; 'for one day' is a day long", () => {
  assert.deepEqual(one("Islam will one day be the second largest religion.")[2], "FUTURE_REF");
  assert.deepEqual(one("Trading stopped for one day.")[2], "P1D");
});

test("'through January' takes the nearer month; an attributive participle is no past tense", () => {
  assert.deepEqual(one("Lenders have extended loans through January.", "1989-10-30")[2], "1990-01");
  assert.deepEqual(one("Sales rose through August.", "1989-10-30")[2], "1989-08");
  assert.deepEqual(one("It would be paid on a still unspecified date in January.", "1989-10-26")[2], "1990-01");
  assert.deepEqual(one("Snipers injured doctors in November.", "1999-05-06")[2], "1998-11");
});

test("'three days later' is the length, 'later' a signal (TimeML)", () => {
  assert.deepEqual(one("Three days later, the talks collapsed.").slice(0, 3), ["Three days", "DURATION", "P3D"]);
  assert.deepEqual(one("It resumed a minute and a half later.")[2], "PT1M30S");
});

test("a rate recurs: '$1.76 a year', 'fifty thousand CDs a year', 'four flights a week' are sets", () => {
  assert.deepEqual(one("It pays a dividend of $1.76 a year.").slice(1, 3), ["SET", "P1Y"]);
  assert.deepEqual(one("Over fifty thousand CDs a year are sold.").slice(1, 3), ["SET", "P1Y"]);
  assert.deepEqual(one("Qantas flies four flights a week to Bombay.").slice(1, 3), ["SET", "P1W"]);
  assert.deepEqual(one("It will introduce a flat-fee £20 ($38) a month tariff.").slice(1, 3), ["SET", "P1M"]);
  assert.deepEqual(one("The work took a year.").slice(1, 3), ["DURATION", "P1Y"]);
});

test("the current / latest fiscal year, a couple of years, the following month after a month in focus", () => {
  assert.deepEqual(one("Earnings will fall in the current fiscal year.", "1989-10-30").slice(0, 3), ["the current fiscal year", "DATE", "1989"]);
  assert.deepEqual(one("Net rose in the latest fiscal year.", "1989-10-30")[2], "1988");
  assert.deepEqual(one("It took a couple of years.")[2], "P2Y");
  assert.deepEqual(values("In March, it received an offer. The following month, it put itself up for sale.", "1989-10-30").map((t) => t[2]), ["1989-03", "1989-04"]);
});

test("'the year previous' is the year before the one in focus", () => {
  assert.deepEqual(values("Ford earned $2.7 billion in 2009, after a loss the year previous.", "2010-01-28").map((t) => [t[0], t[2]]), [["2009", "2009"], ["the year previous", "2008"]]);
});

test("a quarter well ahead of the DCT in a past clause is last year's; capitalized Today/Now inside a sentence are titles", () => {
  assert.deepEqual(one("It said growth in the third quarter had been zero.", "2005-03-15")[2], "2004-Q3");
  assert.deepEqual(one("Growth will pick up in the third quarter.", "2005-03-15")[2], "2005-Q3");
  assert.deepEqual(one("Ten plants were closed during the fourth quarter.", "2006-08-19")[2], "2006-Q4");
  assert.deepEqual(values("It was the lead item on BBC Radio 4's Today programme.", "2005-03-15"), []);
  assert.deepEqual(values("Hits include It's Now or Never at number 27.", "2005-03-15"), []);
  assert.deepEqual(values("Robinson has given youngsters such as Harry Ellis and Jamie Noon a chance.", "2005-03-15"), []);
  assert.deepEqual(one("The strike starts at noon.", "2005-03-15")[2], "2005-03-15T12:00");
  assert.deepEqual(one("Today, the market fell.", "2005-03-15")[2], "2005-03-15");
  assert.deepEqual(one("The licensing authority costs over £1.1m a year.", "2005-03-15").slice(1, 3), ["SET", "P1Y"]);
});

test("a conjunction before a new subject, or 'that', opens another clause for tense", () => {
  assert.deepEqual(one("Mr Straw told activists in Blackburn on Thursday that voters would have to decide.", "2005-03-15")[2], "2005-03-10");
  assert.deepEqual(values("Oracle began notifying staff on Friday and the process would continue.", "2005-03-15")[0]![2], "2005-03-11");
});

test("a clock time with its day after 'on': 'midnight on 1 February', '9 a.m. on Tuesday'", () => {
  assert.deepEqual(one("Fiat and GM have until midnight on 1 February to settle.", "2005-01-20").slice(0, 3), ["midnight on 1 February", "TIME", "2005-02-01T24:00"]);
  assert.deepEqual(one("The shop will open at 9 a.m. on Tuesday.", "2005-01-20")[2], "2005-01-25T09:00");
});

test("month-days: a deadline before the phrase, 'effective', a sentence end after the date, a few weeks' slack", () => {
  assert.deepEqual(one("The talks were supposed to end by Nov. 15.", "1989-11-20")[2], "1989-11-15"); // a deadline just passed
  assert.deepEqual(one("Creditors gave the group until Dec. 10 to sign.", "1989-10-30")[2], "1989-12-10");
  assert.deepEqual(one("The sites could be visited as laid down by the Feb. 23 accord.", "1998-03-06")[2], "1998-02-23");
  assert.deepEqual(one("It created an office of the chairman, effective Feb. 1.", "1989-10-26")[2], "1990-02-01");
  assert.deepEqual(values("Three towns are also scheduled for 5 May. Last week a council reported it.", "2005-03-15")[0]![2], "2005-05-05");
  assert.deepEqual(one("The aides decided on Feb. 11 that a ground war would be necessary.", "1991-02-25")[2], "1991-02-11");
});

test("a holiday's name inside a longer name is not that holiday: 'National Holocaust Memorial Day'", () => {
  assert.deepEqual(values("The delegation will attend National Holocaust Memorial Day on 27 January.", "2005-01-20").map((t) => t[0]), ["27 January"]);
  assert.deepEqual(one("Shops closed on Christmas Day.", "2005-01-20")[2], "2004-12-25");
});

test("'the last quarter' is the quarter last reported", () => {
  assert.deepEqual(one("Growth slowed dramatically in the last quarter.", "2005-03-15").slice(1, 3), ["DATE", "2004-Q4"]);
  assert.deepEqual(one("Sales fell over the past two quarters.", "2005-03-15")[2], "P2Q");
});

test("precision from BBC output: 'Rising Sun.' is a title, a bare 'second half' may be a match's", () => {
  assert.deepEqual(values("It adapts the console game Rising Sun. Call of Duty follows.", "2005-03-15"), []);
  assert.deepEqual(one("The vote is on Sun. in Paris.", "2005-03-15")[2], "2005-03-20");
  assert.deepEqual(values("The province failed to add to the tally in the second half.", "2005-03-15"), []);
  assert.deepEqual(one("The referendum will come in the first half of next year.", "2005-03-15")[2], "2006-H1");
  assert.deepEqual(one("Profit rose in the fiscal first half.", "2005-03-15")[2], "2005-H1");
});

test("precision from BBC output: 'the Forum for the Future', 'footballer of the year'", () => {
  assert.deepEqual(values("said an adviser at the Forum for the Future.", "2005-03-15"), []);
  assert.deepEqual(values("Milan's European footballer of the year misses the final.", "2005-03-15"), []);
  assert.deepEqual(one("Mergers are likely in the future.", "2005-03-15")[2], "FUTURE_REF");
  assert.deepEqual(one("Sales rose for the rest of the year.", "2005-03-15")[2], "2005");
});
