/**
 * Query results for people and programs: an aligned table (fitted to the terminal's width when there is one), JSON
 * (an array of plain objects, or one object for stats) or CSV (RFC 4180; lists joined with "; ").
 */
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

type Row = Record<string, unknown>;

export interface TableOptions {
  /** Fit to this many characters a line (the terminal's width); undefined: no limit beyond MAX_CELL. */
  width?: number | undefined;
}

/** A cell of a table never grows past this; the widest columns shrink first when the line is too long. */
const MAX_CELL = 100;
const MIN_CELL = 8;
const GAP = "  ";

export function formatRows(rows: readonly object[], columns: readonly string[], format: OutputFormat, options: TableOptions = {}): string {
  switch (format) {
    case "json":
      return JSON.stringify(rows, null, 2) + "\n";
    case "csv":
      return toCsv(rows as readonly Row[], columns);
    case "table":
      return toTable(rows as readonly Row[], columns, options);
  }
}

/** One object (stats): JSON as an object, CSV as a header and one line, a table as name/value lines. */
export function formatRecord(record: object, columns: readonly string[], format: OutputFormat): string {
  if (format === "json") return JSON.stringify(record, null, 2) + "\n";
  if (format === "csv") return toCsv([record as Row], columns);
  const width = Math.max(...columns.map((c) => c.length));
  return columns.map((c) => `${c.padEnd(width)}${GAP}${cellText((record as Row)[c])}`).join("\n") + "\n";
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(itemText).join("; ");
  return itemText(value);
}

function itemText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const o = value as Row;
    if (typeof o.name === "string" && typeof o.articles === "number") return `${o.name} (${o.articles})`;
    return JSON.stringify(value);
  }
  return String(value);
}

function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const line = (cells: string[]) => cells.map(csvCell).join(",") + "\r\n";
  return line([...columns]) + rows.map((r) => line(columns.map((c) => cellText(r[c])))).join("");
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toTable(rows: readonly Row[], columns: readonly string[], options: TableOptions): string {
  if (rows.length === 0) return "";
  const cells = rows.map((r) => columns.map((c) => oneLine(cellText(r[c]))));
  const widths = columns.map((c, i) => Math.min(MAX_CELL, Math.max(c.length, ...cells.map((row) => [...row[i]!].length))));
  if (options.width !== undefined) {
    const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
    while (total() > options.width) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest]! <= MIN_CELL) break;
      widths[widest] = Math.max(MIN_CELL, widths[widest]! - Math.max(1, total() - options.width));
    }
  }
  const render = (row: string[]) =>
    row
      .map((cell, i) => fit(cell, widths[i]!, i === row.length - 1))
      .join(GAP)
      .trimEnd();
  const header = render(columns.map((c) => c.toUpperCase()));
  return [header, ...cells.map(render)].join("\n") + "\n";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function fit(text: string, width: number, last: boolean): string {
  const chars = [...text];
  if (chars.length > width) return chars.slice(0, width - 1).join("") + "…";
  return last ? text : text + " ".repeat(width - chars.length);
}
