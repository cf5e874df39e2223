import * as analyzeCommand from "./commands/analyze.js";
import * as entityCommand from "./commands/entity.js";
import * as evalCommand from "./commands/eval.js";
import * as ingestCommand from "./commands/ingest.js";
import * as queueCommand from "./commands/queue.js";
import * as quotesCommand from "./commands/quotes.js";
import * as searchCommand from "./commands/search.js";
import * as serveCommand from "./commands/serve.js";
import * as statsCommand from "./commands/stats.js";
import * as storiesCommand from "./commands/stories.js";
import * as storyCommand from "./commands/story.js";
import * as timelineCommand from "./commands/timeline.js";
import * as workerCommand from "./commands/worker.js";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./usage.js";

const COMMANDS: Record<string, { summary: string; run(argv: string[]): Promise<number> }> = {
  analyze: { summary: "analyze articles: entities (with titles, affiliations, pronouns), quotes, dates, amounts", run: analyzeCommand.run },
  eval: { summary: "score a stage on a benchmark (ner, timex, ...)", run: evalCommand.run },
  ingest: { summary: "analyze articles on all cores and keep them in the store (PGlite or PostgreSQL)", run: ingestCommand.run },
  worker: { summary: "process ingest --queue jobs from a PostgreSQL server (run many, anywhere)", run: workerCommand.run },
  queue: { summary: "the ingest job queue by state: pending, retry, running, done, failed", run: queueCommand.run },
  search: { summary: "find stored articles by their words, with highlighted passages", run: searchCommand.run },
  quotes: { summary: "who said what: stored quotes by speaker, topic, date, outlet", run: quotesCommand.run },
  entity: { summary: "a person, organization or place across articles", run: entityCommand.run },
  timeline: { summary: "dated statements in the order of the time they refer to", run: timelineCommand.run },
  stories: { summary: "stories: articles about one event across outlets, grouped at ingest", run: storiesCommand.run },
  story: { summary: "one story outlet by outlet: headlines, speakers, quotes and entities only one carries", run: storyCommand.run },
  stats: { summary: "what the store holds and its size on disk", run: statsCommand.run },
  serve: { summary: "the HTTP API, its docs and the web UI, on 127.0.0.1:8080", run: serveCommand.run },
};

const HELP = `newsgraph — reads news and records who said what, who did what, when and where.

Usage: newsgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join("\n")}

Run \`newsgraph <command> --help\` for a command's options and examples.

Examples:
  newsgraph analyze examples/seed/000_dbf82c7d13769c2b.txt --format text
  newsgraph analyze examples/meantime/meantime-en.jsonl --format jsonl > out.jsonl
  newsgraph ingest examples/meantime && newsgraph search "election" && newsgraph stats
  newsgraph serve --port 8080
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write("newsgraph 0.1.0\n");
    return EXIT_OK;
  }
  const entry = COMMANDS[command];
  try {
    if (!entry) throw new UsageError(`unknown command "${command}" (try --help)`);
    return await entry.run(rest);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      process.stderr.write(`newsgraph: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
