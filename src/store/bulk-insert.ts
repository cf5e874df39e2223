/**
 * Many rows in one statement with a handful of parameters: one array a column, unpacked by `unnest`, instead of a
 * VALUES list with a parameter a cell. A batch of 50 articles has some 3,700 child rows (mentions, quotes, ...):
 * as VALUES that is some 25,000 parameters for Kysely to compile, node-postgres to prepare one by one and
 * PostgreSQL to parse, transform and plan as as many expressions; as arrays it is a few long literals that
 * PostgreSQL's array input reads in one pass (benchmarks.md, "Ingest throughput").
 */
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";

/** A column's SQL type; array columns travel as an array of array literals, cast back row by row. */
type ColumnType = "int8" | "int4" | "float8" | "text" | "date" | "text[]" | "int4[]";

/** The columns written, with their types, of each table written in bulk. */
export const BULK_COLUMNS = {
  article_entities: {
    pk: "int8", article_pk: "int8", local_id: "text", entity_pk: "int8", name: "text", type: "text", titles: "text[]",
    affiliations: "text[]", aliases: "text[]", name_keys: "text[]", mention_count: "int4", published_date: "date",
  },
  mentions: { article_pk: "int8", article_entity_pk: "int8", start_offset: "int4", end_offset: "int4", text: "text", kind: "text" },
  quotes: {
    article_pk: "int8", published_date: "date", local_id: "text", kind: "text", text: "text", cue: "text",
    speaker_article_entity_pk: "int8", speaker_entity_pk: "int8", speaker_text: "text", start_offset: "int4",
    end_offset: "int4", cue_start: "int4", cue_end: "int4", source_start: "int4", source_end: "int4",
  },
  timexes: {
    article_pk: "int8", text: "text", type: "text", value: "text", mod: "text", start_offset: "int4", end_offset: "int4",
    value_start: "date", value_end: "date", sentence: "text", sentence_start: "int4", sentence_end: "int4",
  },
  amounts: { article_pk: "int8", text: "text", value: "float8", unit: "text", mod: "text", start_offset: "int4", end_offset: "int4" },
  events: { article_pk: "int8", local_id: "text", text: "text", start_offset: "int4", end_offset: "int4" },
  entity_names: { name_key: "text", entity_pk: "int8" },
  article_fingerprints: { article_pk: "int8", exact_key: "text", signature: "int4[]" },
  article_bands: { band_key: "int4", article_pk: "int8" },
  story_terms: { term: "text", df: "int4" },
} as const satisfies { [T in keyof Database]?: { [C in keyof Database[T]]?: ColumnType } };

export type BulkTable = keyof typeof BULK_COLUMNS;

/** A row of a bulk table: a value (null for none) for every column BULK_COLUMNS lists, typed as the table's. */
export type BulkRow<T extends BulkTable> = {
  [C in keyof (typeof BULK_COLUMNS)[T] & keyof Insertable<Database[T]>]-?: Exclude<Insertable<Database[T]>[C], undefined>;
};

/**
 * What a row that would break a unique constraint does: `nothing` skips it (entity_names, which only ever gains
 * keys); `{ target, add }` adds its `add` column to the stored row's (story_terms' document frequencies).
 */
export type OnConflict<T extends BulkTable> = "nothing" | { target: keyof (typeof BULK_COLUMNS)[T] & string; add: keyof (typeof BULK_COLUMNS)[T] & string };

/** Inserts the rows in one statement. */
export async function insertBulk<T extends BulkTable>(
  db: Transaction<Database> | Kysely<Database>,
  table: T,
  rows: readonly BulkRow<T>[],
  options: { onConflict?: OnConflict<T> } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(BULK_COLUMNS[table]) as [string, ColumnType][];
  const arrays = columns.map(([name, type]) => {
    const values = rows.map((r) => (r as Record<string, unknown>)[name] ?? null);
    if (type === "text[]") return values.map((v) => arrayLiteral(v as readonly string[]));
    if (type === "int4[]") return values.map((v) => `{${Array.from(v as ArrayLike<number>, (x) => x | 0).join(",")}}`);
    return values;
  });
  const isArray = (type: ColumnType) => type.endsWith("[]");
  const names = sql.join(columns.map(([name]) => sql.ref(name)));
  const selected = sql.join(columns.map(([name, type]) => (isArray(type) ? sql`${sql.ref(name)}::${sql.raw(type)}` : sql.ref(name))));
  const unnested = sql.join(columns.map(([, type], i) => sql`${arrays[i]}::${sql.raw(isArray(type) ? "text" : type)}[]`));
  const conflict = onConflictClause(table, options.onConflict);
  await sql`insert into ${sql.table(table)} (${names}) select ${selected} from unnest(${unnested}) as u(${names})${conflict}`.execute(db);
}

function onConflictClause<T extends BulkTable>(table: T, onConflict: OnConflict<T> | undefined) {
  if (onConflict === undefined) return sql``;
  if (onConflict === "nothing") return sql` on conflict do nothing`;
  const { target, add } = onConflict;
  return sql` on conflict (${sql.ref(target)}) do update set ${sql.ref(add)} = ${sql.ref(`${table}.${add}`)} + excluded.${sql.ref(add)}`;
}

/** A PostgreSQL array literal of text elements ({"a","b \"c\""}): every element quoted, `"` and `\` escaped. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}
