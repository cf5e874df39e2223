import type { ComponentChildren } from "preact";

/**
 * Text that comes from an article. Preact puts it in text nodes (never markup); dir="auto" with the `untrusted`
 * class (unicode-bidi: isolate, overflow-wrap: anywhere) keeps an RTL override or a megabyte without spaces
 * inside its own box, so it can flip or stretch nothing around it.
 */
export function Untrusted(props: { text: string | null | undefined; class?: string; fallback?: string }) {
  const text = props.text ?? props.fallback ?? "";
  return (
    <span class={props.class ? `untrusted ${props.class}` : "untrusted"} dir="auto">
      {text}
    </span>
  );
}

/** A block of article-derived content (a title, a quote) with the same isolation. */
export function UntrustedBlock(props: { as?: "div" | "p" | "blockquote"; class?: string; children: ComponentChildren }) {
  const Tag = props.as ?? "div";
  return (
    <Tag class={props.class ? `untrusted ${props.class}` : "untrusted"} dir="auto">
      {props.children}
    </Tag>
  );
}

/**
 * An article's own URL as a link only when it is http(s): a `javascript:` or `data:` URL from an article is
 * shown as text, never made clickable.
 */
export function ExternalUrl(props: { url: string | null | undefined }) {
  if (!props.url) return null;
  if (!isWebUrl(props.url)) return <Untrusted class="url" text={props.url} />;
  return (
    <a class="untrusted url" dir="auto" href={props.url} rel="noopener noreferrer nofollow" target="_blank">
      {props.url}
    </a>
  );
}

export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}
