/**
 * The pager in a real browser: a store of 23 small, unrelated articles (test/fixtures/browser-paging/, one city's
 * plan each, a year apart, so each is its own story) is more than one page (20) of stories and of search results.
 * Page one shows the first 20, Next shows the other 3 and no Next, Previous brings page one back; nothing repeats or
 * goes missing between the pages. Waits are for selectors and URLs, never sleeps.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserSkip, startUi, type UiRig } from "./support/browser.js";
import { fixture } from "./support/paths.js";

const ARTICLES = 23;
const PAGE = 20;

describe("paging in Chromium", { skip: browserSkip(), timeout: 180_000 }, () => {
  let rig: UiRig;
  let browser: Browser;
  let base = "";

  before(async () => {
    rig = await startUi([fixture("browser-paging")], ARTICLES);
    ({ browser, base } = rig);
  });

  after(() => rig?.close());

  /** Walks page one → Next → Previous of a list and checks what each page holds. */
  async function walkPages(page: Page, path: string, item: string, pagedUrl: RegExp): Promise<void> {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base + path);
    await page.waitForSelector(item);
    const first = await page.locator(item).allTextContents();
    assert.equal(first.length, PAGE);
    assert.equal(await page.locator(".pager a:has-text('Previous')").count(), 0, "page one has no Previous");

    await page.click(".pager a:has-text('Next')");
    await page.waitForURL(pagedUrl);
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === n, [item, ARTICLES - PAGE] as const);
    const second = await page.locator(item).allTextContents();
    assert.equal(await page.locator(".pager a:has-text('Next')").count(), 0, "the last page has no Next");
    assert.equal(new Set([...first, ...second]).size, ARTICLES, "every item once over the two pages");

    await page.click(".pager a:has-text('Previous')");
    await page.waitForURL(base + path);
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === n, [item, PAGE] as const);
    assert.deepEqual(await page.locator(item).allTextContents(), first);
    assert.deepEqual(errors, []);
  }

  test("the stories list pages by 20: Next shows the other 3, Previous returns to the first 20", async () => {
    const page = await browser.newPage();
    await walkPages(page, "/stories", ".story-item .story-headline", /\/stories\?offset=20$/);
    await page.close();
  });

  test("search results page by 20 and keep the query across pages", async () => {
    const page = await browser.newPage();
    await walkPages(page, "/search?q=announced", ".result .result-title", /\/search\?q=announced&offset=20$/);
    await page.close();
  });
});
