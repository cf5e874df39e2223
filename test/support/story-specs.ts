/**
 * Hand-built articles for the stories tests of the API and the queue: events each reported by a wire, re-posted by
 * an aggregator (headline changed, a sentence dropped: a near duplicate) and told by another outlet in its own
 * words, with a speaker only that outlet quotes.
 */
import type { ArticleSpec, EntitySpec } from "./store.js";

interface EventSpec {
  slug: string;
  published: string;
  title: string;
  repostTitle: string;
  ownTitle: string;
  sentences: string[];
  entities: EntitySpec[];
  /** The wire's quote and its speaker (an entity of `entities`). */
  quote: { text: string; speaker: string; name: string };
  own: { paragraphs: string[]; entities: EntitySpec[]; quote: { text: string; speaker: string; name: string } };
  timex: { text: string; value: string };
}

function event(e: EventSpec): { original: ArticleSpec; repost: ArticleSpec; own: ArticleSpec } {
  const quoted = (q: EventSpec["quote"]) => ({ text: q.text, kind: "direct" as const, cue: "said", speaker: q.speaker, speakerText: q.name });
  const original: ArticleSpec = {
    url: `https://wire.example/${e.slug}`,
    source: "Wire",
    published: e.published,
    title: e.title,
    paragraphs: [...e.sentences, `"${e.quote.text}" said ${e.quote.name}.`],
    entities: e.entities,
    quotes: [quoted(e.quote)],
    timexes: [{ text: e.timex.text, type: "DATE", value: e.timex.value }],
  };
  const repost: ArticleSpec = {
    ...original,
    url: `https://aggregator.example/${e.slug}`,
    source: "Aggregator",
    title: e.repostTitle,
    paragraphs: original.paragraphs.filter((_, i) => i !== 4),
  };
  const own: ArticleSpec = {
    url: `https://daily.example/${e.slug}`,
    source: "Daily",
    published: e.published,
    title: e.ownTitle,
    paragraphs: e.own.paragraphs,
    entities: e.own.entities,
    quotes: [quoted(e.own.quote)],
  };
  return { original, repost, own };
}

const person = (id: string, name: string): EntitySpec => ({ id, name, type: "PERSON", mentions: [name] });

/** The wire's report of the Izmir quake, sentence by sentence (also the stories store test's article). */
export const QUAKE_SENTENCES = [
  "A magnitude 7.1 earthquake struck western Turkey near Izmir on Friday, collapsing buildings across the city.",
  "Rescuers from AFAD searched the rubble of a dozen apartment blocks through the night for survivors.",
  "The quake was felt as far away as Istanbul and Athens, and dozens of aftershocks followed within hours.",
  "Hospitals in Izmir treated hundreds of injured people, and schools were opened as shelters for families.",
  "Officials said the death toll was expected to rise as crews reached the worst hit neighbourhoods.",
  "Residents described the shaking as long and violent, with many running into the streets in panic.",
];

export const QUAKE = event({
  slug: "izmir-quake",
  published: "2024-05-03",
  title: "Earthquake strikes Izmir, buildings collapse",
  repostTitle: "Turkey quake: Izmir buildings collapse",
  ownTitle: "Izmir earthquake: rescuers search rubble for survivors",
  sentences: QUAKE_SENTENCES,
  entities: [{ id: "e1", name: "Izmir", type: "GPE", mentions: ["Izmir", "Izmir", "Izmir"] }, { id: "e2", name: "AFAD", type: "ORG", mentions: ["AFAD"] }, person("e3", "Mehmet Ersoy")],
  quote: { text: "We are working without pause,", speaker: "e3", name: "Mehmet Ersoy" },
  own: {
    paragraphs: [
      "Rescue teams from AFAD pulled survivors from collapsed apartment blocks in Izmir after Friday's earthquake.",
      "The magnitude 7.1 quake collapsed buildings and injured hundreds of people across Izmir, officials said.",
      '"The city will rebuild," said Tunc Soyer, the mayor of Izmir, as aftershocks shook the rubble.',
    ],
    entities: [{ id: "e1", name: "AFAD", type: "ORG", mentions: ["AFAD"] }, { id: "e2", name: "Izmir", type: "GPE", mentions: ["Izmir", "Izmir", "Izmir"] }, person("e3", "Tunc Soyer")],
    quote: { text: "The city will rebuild,", speaker: "e3", name: "Tunc Soyer" },
  },
  timex: { text: "Friday", value: "2024-05-03" },
});

export const TAKEOVER = event({
  slug: "acme-globex",
  published: "2024-05-04",
  title: "Acme agrees to buy Globex for four billion dollars",
  repostTitle: "Acme to buy rival Globex",
  ownTitle: "Globex shareholders back Acme takeover",
  sentences: [
    "Acme Corp agreed on Saturday to buy Globex for four billion dollars, creating the largest maker of industrial widgets.",
    "Shares in Globex rose sharply on the news, while analysts questioned the price Acme Corp had offered.",
    "The deal still needs the approval of competition regulators in Brussels and Washington.",
    "Acme Corp said it expected to close the purchase by the end of the year and to keep every Globex factory open.",
    "Globex employs about nine thousand people in eleven countries, most of them in its plants in Ohio.",
    "Its founder, who owns a fifth of the shares, is expected to join the board of the combined company.",
  ],
  entities: [
    { id: "e1", name: "Acme Corp", type: "ORG", mentions: ["Acme Corp", "Acme Corp", "Acme Corp"] },
    { id: "e2", name: "Globex", type: "ORG", mentions: ["Globex", "Globex", "Globex"] },
    person("e3", "Hank Scorpio"),
  ],
  quote: { text: "This is a great day for widgets,", speaker: "e3", name: "Hank Scorpio" },
  own: {
    paragraphs: [
      "Shareholders of Globex welcomed the offer from Acme Corp, which values the widget maker at four billion dollars.",
      "Acme Corp will keep the Globex plants in Ohio open, the companies said on Saturday.",
      '"The price is fair," said Lisa Chen, an analyst who follows Globex.',
    ],
    entities: [
      { id: "e1", name: "Globex", type: "ORG", mentions: ["Globex", "Globex", "Globex"] },
      { id: "e2", name: "Acme Corp", type: "ORG", mentions: ["Acme Corp", "Acme Corp"] },
      person("e3", "Lisa Chen"),
    ],
    quote: { text: "The price is fair,", speaker: "e3", name: "Lisa Chen" },
  },
  timex: { text: "Saturday", value: "2024-05-04" },
});

/** Every article of both events, in the order they are stored: wire, aggregator, own report. */
export const STORY_SPECS: ArticleSpec[] = [QUAKE, TAKEOVER].flatMap((e) => [e.original, e.repost, e.own]);
