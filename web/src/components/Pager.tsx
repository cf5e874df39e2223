import { href } from "../router";
import { Link } from "./Link";

/** Previous / next links over `offset`, keeping the page's other parameters. */
export function Pager(props: { path: string; params: Record<string, string>; offset: number; limit: number; next: number | null }) {
  const previous = props.offset > 0 ? Math.max(0, props.offset - props.limit) : null;
  if (previous === null && props.next === null) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {previous !== null ? <Link href={href(props.path, { ...props.params, offset: previous || null })}>← Previous</Link> : <span />}
      {props.next !== null ? <Link href={href(props.path, { ...props.params, offset: props.next })}>Next →</Link> : null}
    </nav>
  );
}

/** The `offset` URL parameter as a non-negative integer. */
export function offsetParam(query: URLSearchParams): number {
  const n = Number(query.get("offset") ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
