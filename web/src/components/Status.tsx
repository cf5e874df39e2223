import type { ComponentChildren } from "preact";
import type { ApiError } from "../api";
import type { Fetched } from "../useApi";

export function Loading(props: { what?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      Loading{props.what ? ` ${props.what}` : ""}…
    </p>
  );
}

export function ErrorMessage(props: { error: ApiError; what?: string }) {
  const { status, message } = props.error;
  const headline =
    status === 404
      ? `${props.what ? capitalize(props.what) : "This page"} was not found`
      : status >= 400 && status < 500
        ? "The request was not accepted"
        : status === 0
          ? "The server could not be reached"
          : "The server failed";
  return (
    <div class="error" role="alert">
      <h2>{headline}</h2>
      <p>
        <span class="untrusted" dir="auto">{message}</span>
        {status > 0 ? <span class="status-code"> (HTTP {status})</span> : null}
      </p>
    </div>
  );
}

/** Loading, the error, or the page's content once the data is there. */
export function Async<T>(props: { fetched: Fetched<T> | null; what?: string; children: (data: T) => ComponentChildren }) {
  const { fetched } = props;
  if (fetched === null) return null;
  if (fetched.state === "loading") return <Loading what={props.what} />;
  if (fetched.state === "error") return <ErrorMessage error={fetched.error} what={props.what} />;
  return <>{props.children(fetched.data)}</>;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
