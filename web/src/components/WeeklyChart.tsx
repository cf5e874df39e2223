import type { WeekCount } from "../api";

const DAY = 86_400_000;
/** Beyond this many weeks the gaps are not filled in (bars would be thinner than a pixel). */
const MAX_WEEKS = 520;

/**
 * Quotes per week as an SVG bar chart drawn here (no charting library): one bar per week from the first to the
 * last, empty weeks included so that the time axis is even. Each bar's <title> gives its week and count.
 */
export function WeeklyChart(props: { weeks: WeekCount[]; label: string }) {
  const weeks = fillWeeks(props.weeks);
  if (weeks.length === 0) return <p class="empty">No dated quotes.</p>;
  const width = 640;
  const height = 160;
  const top = 12;
  const bottom = 24;
  const left = 32;
  const plot = height - top - bottom;
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = (width - left) / weeks.length;
  // Thin bars for years of weeks, but never a slab: one week alone is a bar, not the whole plot.
  const bar = Math.min(48, Math.max(1, slot * 0.8));
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  return (
    <figure class="chart">
      <svg class="weekly-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label} preserveAspectRatio="xMinYMid meet">
        <line class="axis" x1={left} y1={top + plot} x2={width} y2={top + plot} />
        <text class="tick" x={left - 4} y={top + 4} text-anchor="end">{max}</text>
        <text class="tick" x={left - 4} y={top + plot} text-anchor="end">0</text>
        {weeks.map((w, i) => {
          const h = (w.count / max) * plot;
          return (
            <rect key={w.start} class="bar" x={left + i * slot + (slot - bar) / 2} y={top + plot - h} width={bar} height={h}>
              <title>{`${w.week} (from ${w.start}): ${w.count} quote${w.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
        <text class="tick" x={left} y={height - 6}>{first.start}</text>
        {weeks.length > 1 ? <text class="tick" x={width} y={height - 6} text-anchor="end">{last.start}</text> : null}
      </svg>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

/** The weeks in order with the empty ones between them as zero counts. */
export function fillWeeks(weeks: readonly WeekCount[]): WeekCount[] {
  const sorted = [...weeks].filter((w) => !Number.isNaN(Date.parse(w.start))).sort((a, b) => a.start.localeCompare(b.start));
  if (sorted.length < 2) return sorted;
  const firstTime = Date.parse(sorted[0]!.start);
  const span = Math.round((Date.parse(sorted[sorted.length - 1]!.start) - firstTime) / (7 * DAY)) + 1;
  if (span > MAX_WEEKS) return sorted;
  const byStart = new Map(sorted.map((w) => [w.start, w]));
  const out: WeekCount[] = [];
  for (let i = 0; i < span; i++) {
    const start = new Date(firstTime + i * 7 * DAY).toISOString().slice(0, 10);
    out.push(byStart.get(start) ?? { week: isoWeek(start), start, count: 0 });
  }
  return out;
}

/** "2022-W05" for the Monday `start` (YYYY-MM-DD). */
function isoWeek(start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(date.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
