import { parseArgs } from "node:util";
import { stories, STORY_COLUMNS } from "../../store/queries/index.js";
import { rebuildStories } from "../../store/stories/rebuild.js";
import { DB_HELP, FORMAT_HELP, outputFormat, positiveInt, printRows, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK } from "../usage.js";

export const help = `Usage: newsgraph stories [options]

Stories: the stored articles about one real-world event, across outlets, grouped at ingest (a re-post
goes with its original; any other article joins the most similar story or opens one; docs/stories.md).
Newest first, by their last article.

Options:
  --entity NAME              only stories with an article that names this entity (by any of its names)
  --from DATE                stories whose articles reach DATE or later (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE                  stories that begin by DATE
  --limit N                  at most N stories (default 50)
  --rebuild                  forget every story and duplicate link and group the whole store again, in
                             order of publication (prints a summary instead of the list)
${DB_HELP}
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done (also when nothing matches); 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph stories --entity "Xi Jinping" --from 2023
  newsgraph stories --rebuild
  newsgraph story 12
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...storeOptions, entity: { type: "string" }, from: { type: "string" }, to: { type: "string" }, limit: { type: "string" }, rebuild: { type: "boolean" } },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = outputFormat(values.format);
  const limit = positiveInt("limit", values.limit);
  return withStore(values.db, async (store) => {
    if (values.rebuild) {
      const t0 = Date.now();
      const s = await rebuildStories(store);
      const summary = { ...s, seconds: (Date.now() - t0) / 1000 };
      return printRows([summary], Object.keys(summary), format);
    }
    const rows = await stories(store.db, { entity: values.entity, from: values.from, to: values.to, limit });
    return printRows(rows, STORY_COLUMNS, format);
  });
}
