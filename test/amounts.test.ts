import { test } from "node:test";
import assert from "node:assert/strict";
import { AmountTagger, tagAmounts } from "../src/stages/amounts/amounts.js";
import { tagTimexes } from "../src/stages/time/tagger.js";

function amounts(text: string): [string, number, string, string | null][] {
  return tagAmounts(text, tagTimexes(text, "2022-12-31")).map((a) => [a.text, a.value, a.unit, a.mod ?? null]);
}

test("money with symbols, scales and currency words", () => {
  assert.deepEqual(amounts("They aim to increase trade turnover to $200 billion ahead of schedule."), [["$200 billion", 200000000000, "USD", null]]);
  assert.deepEqual(amounts("The club paid €3.2m for him."), [["€3.2m", 3200000, "EUR", null]]);
  assert.deepEqual(amounts("The bank lent 1.5 trillion yuan."), [["1.5 trillion yuan", 1500000000000, "CNY", null]]);
  assert.deepEqual(amounts("It cost US$1,250."), [["US$1,250", 1250, "USD", null]]);
});

test("percentages", () => {
  assert.deepEqual(amounts("Inflation reached 10.1% in October."), [["10.1%", 10.1, "%", null]]);
  assert.deepEqual(amounts("Sales fell 3 percent."), [["3 percent", 3, "%", null]]);
});

test("counts keep the thing counted and the modifier", () => {
  assert.deepEqual(amounts("The strikes killed at least three people."), [["at least three people", 3, "people", "AT_LEAST"]]);
  assert.deepEqual(amounts("Shelling hit 12 Ukrainian towns."), [["12 Ukrainian towns", 12, "towns", null]]);
  assert.deepEqual(amounts("More than 1,500 troops arrived."), [["More than 1,500 troops", 1500, "troops", "MORE_THAN"]]);
});

test("years and durations are not amounts", () => {
  assert.deepEqual(amounts("In 2022, more than 10 months after the war began."), []);
});

test("a currency written twice belongs to the amount", () => {
  assert.deepEqual(amounts("The nano will cost $249 USD."), [["$249 USD", 249, "USD", null]]);
  assert.deepEqual(amounts("It lost $5.9 billion dollars."), [["$5.9 billion dollars", 5900000000, "USD", null]]);
  assert.deepEqual(amounts("Films will retail for around $9.99 US dollars."), [["around $9.99 US dollars", 9.99, "USD", "APPROX"]]);
  assert.deepEqual(amounts("A USD$23 billion deal."), [["USD$23 billion", 23000000000, "USD", null]]);
});

test("units of measure: index points, percentage points, sizes", () => {
  assert.deepEqual(amounts("The Dow fell 340 points."), [["340 points", 340, "points", null]]);
  assert.deepEqual(amounts("Rates rose 2 percentage points."), [["2 percentage points", 2, "percentage points", null]]);
  assert.deepEqual(amounts("A 60GB edition and a 2 GHz model."), [["60GB", 60, "gb", null], ["2 GHz", 2, "ghz", null]]);
});

test("counts reach the counted noun past adjectives, names and model numbers", () => {
  assert.deepEqual(amounts("It will supply 179 new aerial refueling tankers."), [["179 new aerial refueling tankers", 179, "tankers", null]]);
  assert.deepEqual(amounts("Aer Lingus buys twelve new long-haul Airbus jets."), [["twelve new long-haul Airbus jets", 12, "jets", null]]);
  assert.deepEqual(amounts("Options are included for 18 more 777s."), [["18 more 777s", 18, "777s", null]]);
  assert.deepEqual(amounts("Ryanair will buy five new 737 aircraft."), [["five new 737 aircraft", 5, "aircraft", null]]);
  assert.deepEqual(amounts("He was 25 when his parents left."), []);
});

test("parts of a whole are counts; a number after a name is a model", () => {
  assert.deepEqual(amounts("It closed ten of its plants."), [["ten of its plants", 10, "plants", null]]);
  assert.deepEqual(amounts("Two of the Rolls-Royce Trent 900 engines failed."), [["Two of the Rolls-Royce Trent 900 engines", 2, "engines", null]]);
  assert.deepEqual(amounts("Apple gives refunds to iPhone 4 owners."), []);
  assert.deepEqual(amounts("It grew. The 600,000 connections count. Some 350 films ran."), [["600,000 connections", 600000, "connections", null], ["Some 350 films", 350, "films", "APPROX"]]);
  assert.deepEqual(amounts("It fell on 11 September attacks."), []);
});

test("the match keeps where the number phrase ends", () => {
  const text = "It will cut 2,000 jobs and 340 points.";
  const m = new AmountTagger().match(text);
  assert.deepEqual(m.map((x) => text.slice(x.amount.start, x.numberEnd)), ["2,000", "340 points"]);
});

test("a scaled number after money is money in that currency; not before a counted noun, not without money", () => {
  assert.deepEqual(
    amounts("Chrysler asked for an additional US$5 billion in aid on top of the four billion it has already received."),
    [["US$5 billion", 5000000000, "USD", null], ["four billion", 4000000000, "USD", null]],
  );
  assert.deepEqual(amounts("It raised €2 billion for 300 million Europeans.").map((a) => a[2]), ["EUR"]);
  assert.deepEqual(amounts("Boeing has 800 orders at 200 million per aircraft."), [["800 orders", 800, "orders", null]]);
});

test("index levels in a sentence about a stock index", () => {
  assert.deepEqual(
    amounts("The Dow lost 1.16%, or 89.68 points, bringing it to a level of 7,465.95."),
    [["1.16%", 1.16, "%", null], ["89.68 points", 89.68, "points", null], ["7,465.95", 7465.95, "points", null]],
  );
  assert.deepEqual(amounts("The new laptop has a 13.3 screen."), []);
});

test("the first number of a range or coordination shares the second one's noun or percent sign", () => {
  assert.deepEqual(amounts("It holds 500 and 1,000 songs."), [["500", 500, "songs", null], ["1,000 songs", 1000, "songs", null]]);
  assert.deepEqual(amounts("It will cut 25,000 to 30,000 positions."), [["25,000", 25000, "positions", null], ["30,000 positions", 30000, "positions", null]]);
  assert.deepEqual(amounts("Prices rose between 5 and 10 percent.").map((a) => [a[0], a[2]]), [["5", "%"], ["10 percent", "%"]]);
});
