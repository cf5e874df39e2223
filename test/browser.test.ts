/**
 * The web UI in a real browser (Debian's Chromium through playwright-core), against the real server (buildServer)
 * on a temp PGlite store holding the seed article and test/fixtures/browser/: two ordinary articles with quotes, a
 * malicious one (script and img-onerror markup in its title and paragraphs, a javascript: url, RTL overrides, a
 * 1 MB title), and story.jsonl: a re-post of the harbour article under another outlet and headline (a duplicate) and
 * another outlet's own report of it, with a speaker of its own (so the harbour story spans outlets). Every wait is for a selector or a URL, never a sleep. Screenshots go to $NEWSGRAPH_ARTIFACTS (default:
 * a temp dir), for a human to look at; they are not committed.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserSkip, startUi, type UiRig } from "./support/browser.js";
import { fixture, repoRoot } from "./support/paths.js";

const SEED_TITLE = "Putin Invites Xi Jinping to Moscow in 2023";
/** The malicious fixture's url, which the store takes as its id. */
const MALICIOUS_ID = "javascript:alert(1)";
/** The harbour story of the fixtures: the original, its re-post under another headline, another outlet's report. */
const HARBOUR_ID = "https://news.test/harbour-reopens";
const HARBOUR_TITLE = "Harbour reopens after storm repairs";
const REPOST_ID = "https://coast.test/gothenburg-harbour";
const REPOST_TITLE = "Gothenburg harbour back in business";
const PORT_ID = "https://port.test/first-ships";

const skip = browserSkip();

/** What a page did that it must not: console errors (a CSP violation among them), dialogs, uncaught errors. */
interface Watched {
  page: Page;
  consoleErrors: string[];
  dialogs: string[];
  pageErrors: string[];
}

// The whole suite, on a loaded 2-core machine: the story page with the 1 MB title in it takes half a minute alone.
describe("the web UI in Chromium", { skip, timeout: 300_000 }, () => {
  let rig: UiRig;
  let browser: Browser;
  let base = "";
  const artifacts = process.env.NEWSGRAPH_ARTIFACTS ?? join(tmpdir(), "newsgraph-browser-artifacts");

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    rig = await startUi([join(repoRoot(), "examples", "seed"), fixture("browser")], 6);
    ({ browser, base } = rig);
  });

  after(() => rig?.close());

  async function open(path: string): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const watched: Watched = { page, consoleErrors: [], dialogs: [], pageErrors: [] };
    page.on("console", (m) => {
      if (m.type() === "error") watched.consoleErrors.push(m.text());
    });
    page.on("dialog", (d) => {
      watched.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => watched.pageErrors.push(e.message));
    await page.goto(base + path);
    return watched;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });

  test("search finds the seed article and marks the matched words; filters narrow it", async () => {
    const { page, pageErrors } = await open("/search?q=Putin");
    await page.waitForSelector(".result");
    const titles = await page.locator(".result-title").allTextContents();
    assert.ok(titles.some((t) => t.includes(SEED_TITLE)), `results: ${titles.join(" | ")}`);
    const marks = await page.locator(".result .snippet mark").allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /putin/i.test(m)), `marks: ${marks.join(", ")}`);
    assert.equal(await page.inputValue("#field-search-q"), "Putin");
    await shot(page, "search");

    // The form: a date filter drops the seed article (2022-12-31), keeps the summit (2023-02-20).
    await page.fill("#field-search-from", "2023-01-01");
    await page.click(".filters button[type=submit]");
    await page.waitForURL(/from=2023-01-01/);
    await page.waitForSelector(".result");
    const filtered = await page.locator(".result-title").allTextContents();
    assert.deepEqual(filtered, ["Putin and Xi plan a summit in Moscow"]);

    // Back returns to the unfiltered search, with its results.
    await page.goBack();
    await page.waitForURL(/\/search\?q=Putin$/);
    await page.waitForSelector(`.result-title:has-text("${SEED_TITLE}")`);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test("the reader marks Putin's quotes with him as speaker; the speaker opens his entity page; back returns", async () => {
    const { page, pageErrors, consoleErrors } = await open("/search?q=Putin");
    await page.click(`.result-title a:has-text("${SEED_TITLE}")`);
    await page.waitForURL(/\/articles\//);
    await page.waitForSelector(".mark-quote");
    const readerUrl = page.url();

    // Putin's direct quote, marked, with him named on hover (the title attribute) and his words marked as speaker.
    const quote = page.locator('.mark-quote[data-speaker="Vladimir Putin"]', { hasText: "We intend to strengthen military" });
    await quote.first().waitFor();
    await quote.first().hover();
    assert.match((await quote.first().getAttribute("title")) ?? "", /Vladimir Putin/);
    const speakers = page.locator("a.mark-speaker", { hasText: /^Putin$/ });
    assert.ok((await speakers.count()) > 0, "no speaker link reads Putin");
    // Dates show their normalised value; the legend and both panels are there.
    assert.match((await page.locator(".mark-date", { hasText: "Friday" }).first().getAttribute("title")) ?? "", /^2022-12-30/);
    assert.equal(await page.locator(".legend li").count(), 6);
    // The legend's buttons hide and show a kind of mark.
    const entityMarks = page.locator(".reader-text .block .mark-entity");
    const entityCount = await entityMarks.count();
    assert.ok(entityCount > 10, `${entityCount} entity marks`);
    await page.click(".legend button:has-text('entity')");
    await page.waitForSelector(".legend button[aria-pressed=false]:has-text('entity')");
    assert.equal(await entityMarks.count(), 0);
    await page.click(".legend button:has-text('entity')");
    await page.waitForSelector(".legend button[aria-pressed=true]:has-text('entity')");
    assert.equal(await entityMarks.count(), entityCount);
    assert.ok((await page.locator(".panel-quotes li").count()) >= 5);
    assert.ok((await page.locator(".panel-entities li").count()) >= 5);
    // Title, byline and dateline are blocks of their own kind.
    await page.waitForSelector("h1.block-title");
    await page.waitForSelector(".block-dateline");
    // Cutting the text at overlapping spans lost, doubled and moved no character: every block reads as the analysis.
    const id = decodeURIComponent(new URL(readerUrl).pathname.slice("/articles/".length));
    const answer = (await (await fetch(`${base}/api/articles/${encodeURIComponent(id)}`)).json()) as {
      analysis: { text: string; blocks: { start: number; end: number }[] };
    };
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll(".reader-text .block")].map((b) => {
        const copy = b.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".block-label").forEach((l) => l.remove());
        return copy.textContent;
      }),
    );
    assert.deepEqual(shown, answer.analysis.blocks.map((b) => answer.analysis.text.slice(b.start, b.end)));
    await shot(page, "reader");

    await speakers.first().click();
    await page.waitForURL(/\/entities\/[^/]+$/);
    await page.waitForSelector("h1:has-text('Vladimir Putin')");
    // The chart (an SVG with one bar per week) and the graph (cytoscape's canvas).
    await page.waitForSelector("svg.weekly-chart rect.bar");
    await page.waitForSelector(".graph canvas");
    assert.ok((await page.locator(".cooccurring li").count()) > 0);
    assert.ok((await page.locator(".quotes .quote").count()) > 0, "no recent quotes");
    const articleLink = await page.locator(".quote-article").first().getAttribute("href");
    assert.match(articleLink ?? "", /^\/articles\//);
    await shot(page, "entity");

    await page.goBack();
    await page.waitForURL(readerUrl);
    await page.waitForSelector(".mark-quote");
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("the quote bank filters by speaker and date, linking each quote to its article and speaker", async () => {
    const { page } = await open("/quotes?speaker=Lindqvist");
    await page.waitForSelector(".quote");
    const speakers = await page.locator(".quote-speaker .speaker").allTextContents();
    assert.ok(speakers.length > 0 && speakers.every((s) => s.includes("Lindqvist")), `speakers: ${speakers.join(", ")}`);
    assert.ok((await page.locator(".quote-speaker a[href^='/entities/']").count()) > 0, "the speaker is not a link");
    assert.ok((await page.locator(".quote .quote-article[href^='/articles/']").count()) === speakers.length);

    await page.goto(`${base}/quotes?speaker=Putin&from=2023-01-01`);
    await page.waitForSelector(".quote");
    const articles = await page.locator(".quote .quote-article").allTextContents();
    assert.ok(articles.length > 0 && articles.every((t) => t === "Putin and Xi plan a summit in Moscow"), `articles: ${articles.join(" | ")}`);
    await shot(page, "quotes");

    // A date the API refuses (400) is shown as the server's message, not as an empty list.
    await page.goto(`${base}/quotes?from=2023-99-99`);
    await page.waitForSelector(".error[role=alert]");
    assert.match(await page.locator(".error").innerText(), /not accepted[\s\S]*HTTP 400/);
    await page.close();
  });

  test("the timeline is ordered by the time referred to, with the publication date beside it", async () => {
    const { page } = await open("/timeline?entity=Putin");
    await page.waitForSelector(".timeline-entry");
    const dates = await page.locator(".timeline-date").allTextContents();
    assert.ok(dates.length >= 2, `dates: ${dates.join(", ")}`);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(await page.locator(".timeline-entry .published").count(), dates.length);
    await shot(page, "timeline");
    await page.close();
  });

  test("the keyboard reaches the search box: `/` focuses it, and Tab from the top gets there", async () => {
    const { page } = await open("/quotes");
    await page.waitForSelector(".quote");
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-box");
    await page.keyboard.type("harbour");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=harbour$/);
    await page.waitForSelector(".result-title:has-text('Harbour reopens')");

    await page.goto(`${base}/timeline`);
    await page.waitForSelector("h1");
    const reached: string[] = [];
    for (let i = 0; i < 4 && reached.at(-1) !== "search-box"; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ""));
    }
    assert.equal(reached.at(-1), "search-box", `Tab went: ${reached.join(" → ")}`);
    await page.close();
  });

  test("the entity list finds a name and links to the entity page", async () => {
    const { page } = await open("/entities?name=Putin");
    await page.click(".entities a:has-text('Vladimir Putin')");
    await page.waitForURL(/\/entities\/[^/?]+$/);
    await page.waitForSelector("h1:has-text('Vladimir Putin')");
    await page.close();
  });

  test("an unknown article id shows a clear not-found message", async () => {
    const { page } = await open("/articles/no-such-article");
    await page.waitForSelector(".error[role=alert]");
    assert.match(await page.locator(".error").innerText(), /not found/i);
    await page.close();
  });

  test("the malicious article runs nothing, breaks no layout and shows its title as text", async () => {
    const watched = await open("/search?q=Lindqvist");
    const { page } = watched;
    await page.waitForSelector(".result");
    await assertContained(page);

    await page.goto(`${base}/articles/${encodeURIComponent(MALICIOUS_ID)}`);
    await page.waitForSelector("h1.block-title");
    const title = await page.evaluate(() => document.querySelector("h1.block-title")?.textContent ?? "");
    assert.ok(title.startsWith("Breaking\u202e news <script>window.__pwned=1</script>"), title.slice(0, 80));
    assert.ok(title.length > 1_000_000, `title of ${title.length} characters`);
    assert.match(await page.locator(".block-paragraph").first().innerText(), /<img src=x onerror=/);
    // The article's markup stayed text: no element came from it, and its javascript: url is no link.
    assert.equal(await page.locator("main script, main img, main iframe, main svg:not(.weekly-chart)").count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    await page.waitForSelector(`.meta .url:has-text("${MALICIOUS_ID}")`);
    await assertContained(page);
    await shot(page, "malicious");

    // A quote in it still renders, from a speaker who has a page.
    await page.waitForSelector(".mark-quote");
    assert.deepEqual(watched.dialogs, []);
    assert.deepEqual(watched.pageErrors, []);
    assert.deepEqual(watched.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), []);
    assert.deepEqual(watched.consoleErrors, []);
    await page.close();
  });

  test("the stories list shows the harbour story across outlets, and its filters narrow the list", async () => {
    const { page, pageErrors, consoleErrors } = await open("/stories");
    await page.waitForSelector(".story-item");
    // Newest first: the harbour story (its last article of 2023-03-15) leads, under its first article's headline.
    const first = page.locator(".story-item").first();
    assert.equal(await first.locator(".story-headline").innerText(), HARBOUR_TITLE);
    assert.match(await first.locator(".story-counts").innerText(), /^\d+ articles · \d+ outlets · 1 duplicate$/);
    assert.match(await first.locator(".published").innerText(), /^2023-03-14 – 2023-03-15$/);
    assert.match(await first.locator(".story-label").innerText(), /Lindqvist/);
    assert.equal(await page.getAttribute("nav[aria-label=Sections] a:has-text('Stories')", "aria-current"), "page");
    await shot(page, "stories");

    // The entity filter: Putin's stories, the harbour's gone.
    await page.fill("#field-stories-entity", "Putin");
    await page.click(".filters button[type=submit]");
    await page.waitForURL(/\/stories\?entity=Putin$/);
    await page.waitForSelector(`.story-headline:has-text("${SEED_TITLE}")`);
    const putin = await page.locator(".story-headline").allTextContents();
    assert.ok(putin.includes("Putin and Xi plan a summit in Moscow"), putin.join(" | "));
    assert.ok(!putin.includes(HARBOUR_TITLE), putin.join(" | "));
    // A span of publication: before March only the two Putin stories.
    await page.goto(`${base}/stories?to=2023-03-01`);
    await page.waitForSelector(".story-item");
    assert.deepEqual((await page.locator(".story-headline").allTextContents()).sort(), ["Putin and Xi plan a summit in Moscow", `${SEED_TITLE}, Says Russian-Chinese Relations Best Ever`].sort());
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("a story's page: outlets side by side, the copy folded under its original, who each quoted, the timeline", async () => {
    const watched = await open("/stories");
    const { page } = watched;
    await page.click(`.story-headline a:has-text("${HARBOUR_TITLE}")`);
    await page.waitForURL(/\/stories\/\d+$/);
    await page.waitForSelector(".outlet-card");
    const card = (outlet: string) => page.locator(".outlet-card", { has: page.locator(".outlet-name", { hasText: outlet }) });
    const names = await page.locator(".outlet-name").allTextContents();
    assert.equal(names[0], "Harbour Gazette", `outlets: ${names.join(" | ")}`);
    for (const outlet of ["Coast News", "Port Weekly"]) assert.ok(names.includes(outlet), `outlets: ${names.join(" | ")}`);
    // Side by side: the first two cards on one row.
    const [a, b] = [await card("Harbour Gazette").boundingBox(), await card("Coast News").boundingBox()];
    assert.ok(a && b && Math.abs(a.y - b.y) < 1 && b.x > a.x + a.width - 1, `cards at ${JSON.stringify([a, b])}`);

    // The re-post is folded under the original, closed until asked for, with its similarity.
    const gazette = card("Harbour Gazette");
    assert.equal(await gazette.locator(".outlet-articles > li").count(), 1);
    const copies = gazette.locator("details.copies");
    assert.equal(await copies.getAttribute("open"), null);
    assert.equal(await copies.locator("summary").innerText(), "1 copy");
    const copyLink = copies.locator(`a:has-text("${REPOST_TITLE}")`);
    assert.equal(await copyLink.isVisible(), false);
    await copies.locator("summary").click();
    await copyLink.waitFor({ state: "visible" });
    assert.match(await copies.locator(".similarity").innerText(), /^\d+% alike$/);
    // In its own outlet's card the copy stands folded too, naming what it repeats.
    const copy = card("Coast News").locator("details.copy");
    assert.match(await copy.locator("summary").innerText(), /^A copy of Harbour Gazette’s article · \d+% alike$/);
    assert.equal(await copy.getAttribute("open"), null);

    // The comparison: the Gazette quotes the mayor twice and has no quote of its own (the copy carries them);
    // Port Weekly alone quotes and names the harbour master.
    assert.match(await gazette.locator(".outlet-speakers li", { hasText: "Anna Lindqvist" }).innerText(), /×2/);
    assert.equal(await gazette.locator(".only-quotes").count(), 0);
    assert.equal(await gazette.locator(".only-entities").count(), 0);
    const port = card("Port Weekly");
    assert.ok((await port.locator(".outlet-speakers a[href^='/entities/']", { hasText: "Erik Berg" }).count()) === 1, "Erik Berg is no link");
    assert.match(await port.locator(".only-quotes").innerText(), /The piers are ready for the summer traffic/);
    assert.deepEqual(await port.locator(".only-entities a").allTextContents(), ["Erik Berg"]);
    assert.ok(!(await port.locator(".only-quotes").innerText()).includes("We rebuilt the piers"));

    // The timeline: by the time referred to; the copy's statements left out (its original's stand).
    const dates = await page.locator(".timeline-date").allTextContents();
    assert.ok(dates.length >= 3, `dates: ${dates.join(", ")}`);
    assert.deepEqual(dates, [...dates].sort());
    const summer = page.locator(".timeline-entry", { hasText: "“the summer”" });
    assert.equal(await summer.locator(".source").innerText(), "Port Weekly");
    assert.equal(await summer.locator(".timeline-date").innerText(), "2023-06-01");
    assert.equal(await summer.locator("a[href^='/articles/']").getAttribute("href"), `/articles/${encodeURIComponent(PORT_ID)}`);
    assert.equal(await page.locator(".timeline-entry .source", { hasText: "Coast News" }).count(), 0);
    // Titles are cut (the full one is in the reader): the malicious article's megabyte, if it joined, is not laid out.
    const lengths = await page.evaluate(() => [...document.querySelectorAll(".story h1, .outlet-headline, .story-article, .timeline-entry a")].map((e) => e.textContent?.length ?? 0));
    assert.ok(lengths.length > 0 && lengths.every((n) => n <= 300), `title lengths ${lengths.join(", ")}`);
    await assertContained(page);
    await shot(page, "story");

    await port.locator(".only-entities a").click();
    await page.waitForURL(/\/entities\/\d+$/);
    await page.waitForSelector("h1:has-text('Erik Berg')");
    assert.deepEqual(watched.pageErrors, []);
    assert.deepEqual(watched.consoleErrors, []);
    await page.close();
  });

  test("the reader links to its story, its copies and the article a copy repeats", async () => {
    const { page, pageErrors } = await open(`/articles/${encodeURIComponent(HARBOUR_ID)}`);
    await page.waitForSelector(".panel-story");
    const storyHref = await page.getAttribute(".panel-story .story-link a", "href");
    assert.match(storyHref ?? "", /^\/stories\/\d+$/);
    assert.equal(await page.locator(".panel-story .duplicate-of").count(), 0, "the original repeats nothing");
    const copy = page.locator(".panel-story .duplicates li");
    assert.equal(await copy.count(), 1);
    assert.match(await copy.innerText(), new RegExp(`^${REPOST_TITLE}\\s+Coast News, 2023-03-15 \\d+% alike$`));

    await copy.locator("a").click();
    await page.waitForURL(`${base}/articles/${encodeURIComponent(REPOST_ID)}`);
    await page.waitForSelector(".panel-story .duplicate-of");
    assert.match(await page.locator(".panel-story .duplicate-of").innerText(), new RegExp(`^A copy \\(\\d+% alike\\) of\\s+${HARBOUR_TITLE}`));
    assert.equal(await page.locator(".panel-story .duplicates").count(), 0, "nothing repeats the copy");
    assert.equal(await page.getAttribute(".panel-story .story-link a", "href"), storyHref, "the copy is in its original's story");
    await page.click(".panel-story .duplicate-of a");
    await page.waitForURL(`${base}/articles/${encodeURIComponent(HARBOUR_ID)}`);
    await page.click(".panel-story .story-link a");
    await page.waitForURL(`${base}${storyHref}`);
    await page.waitForSelector(".outlet-card");
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test("an unknown story id shows a clear not-found message", async () => {
    const { page } = await open("/stories/999999");
    await page.waitForSelector(".error[role=alert]");
    assert.match(await page.locator(".error").innerText(), /The story was not found[\s\S]*HTTP 404/);
    await page.close();
  });

  test("a story or entity id that is not a number is no page (not a bad-request error)", async () => {
    for (const path of ["/stories/abc", "/entities/12x", "/stories/0"]) {
      const { page, pageErrors } = await open(path);
      await page.waitForSelector(".error[role=alert]");
      assert.match(await page.locator(".error h1").innerText(), /There is no page here/, path);
      assert.doesNotMatch(await page.locator(".error").innerText(), /HTTP 400/, path);
      assert.deepEqual(pageErrors, []);
      await page.close();
    }
  });

  /** Nothing ran, and the page is no wider than the window (a megabyte without spaces wraps). */
  async function assertContained(page: Page): Promise<void> {
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      width: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      bodyWidth: document.body.scrollWidth,
    }));
    assert.equal(state.pwned, undefined);
    assert.ok(state.width <= state.viewport, `document ${state.width}px wide in a ${state.viewport}px window`);
    assert.ok(state.bodyWidth <= state.viewport, `body ${state.bodyWidth}px wide in a ${state.viewport}px window`);
  }
});
