import type { ComponentChildren } from "preact";
import { onLinkClick } from "../router";

/** A link inside the app: a real <a href> (keyboard, middle click, copy link) that navigates without a reload. */
export function Link(props: { href: string; class?: string; title?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} title={props.title} onClick={onLinkClick}>
      {props.children}
    </a>
  );
}
