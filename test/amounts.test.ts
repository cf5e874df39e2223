import { test } from "node:test";
import assert from "node:assert/strict";
import { tagAmounts } from "../src/stages/amounts/amounts.js";
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
