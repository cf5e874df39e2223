import { href, navigate } from "../router";

export interface Field {
  name: string;
  label: string;
  type?: "text" | "search" | "date";
  value: string;
  placeholder?: string;
  /** Suggestions (a datalist), e.g. the store's sources. */
  options?: string[];
  required?: boolean;
}

/** The two date fields that bound the publication date, as every list page names them (`from`, `to`). */
export function publishedFields(from: string, to: string): Field[] {
  return [
    { name: "from", label: "Published from", type: "date", value: from },
    { name: "to", label: "to", type: "date", value: to },
  ];
}

/**
 * A GET form whose fields are the page's URL parameters: submitting navigates to the page's URL with them, so
 * every search is a shareable URL and the back button undoes it. It works as a plain form without scripts too.
 */
export function FilterForm(props: { action: string; label: string; fields: Field[]; submit?: string }) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params: Record<string, string> = {};
    for (const field of props.fields) params[field.name] = String(data.get(field.name) ?? "").trim();
    navigate(href(props.action, params));
  };
  // Keyed by the values so that back/forward, which change the URL, also reset what the fields show.
  const key = props.fields.map((f) => f.value).join("\u0000");
  return (
    <form key={key} class="filters" action={props.action} method="get" role="search" aria-label={props.label} onSubmit={onSubmit}>
      {props.fields.map((field) => {
        const id = `field-${props.action.replace(/\W/g, "")}-${field.name}`;
        return (
          <label key={field.name} class={`field field-${field.type ?? "text"}`} for={id}>
            <span>{field.label}</span>
            <input
              id={id}
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={field.value}
              placeholder={field.placeholder}
              required={field.required}
              list={field.options ? `${id}-options` : undefined}
              dir="auto"
            />
            {field.options ? (
              <datalist id={`${id}-options`}>
                {field.options.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            ) : null}
          </label>
        );
      })}
      <button type="submit">{props.submit ?? "Search"}</button>
    </form>
  );
}
