import { apiUrl, type Page, type Quote } from "../api";
import { FilterForm, publishedFields } from "../components/FilterForm";
import { offsetParam, Pager } from "../components/Pager";
import { QuoteList } from "../components/QuoteList";
import { Async } from "../components/Status";
import type { Location } from "../router";
import { useApi } from "../useApi";
import { useDocumentTitle } from "../useDocumentTitle";

const PAGE = 20;

export function QuotesPage(props: { location: Location }) {
  const { query } = props.location;
  const params = { speaker: query.get("speaker") ?? "", about: query.get("about") ?? "", from: query.get("from") ?? "", to: query.get("to") ?? "" };
  // From an entity page the speaker comes as an id (exact) with the name for the form; typing a name drops the id.
  const speakerId = query.get("speakerId") ?? "";
  const offset = offsetParam(query);
  const apiParams = speakerId ? { ...params, speaker: "", speakerId } : params;
  const fetched = useApi<Page<Quote>>(apiUrl("quotes", { ...apiParams, limit: PAGE, offset }));
  useDocumentTitle(params.speaker ? `Quotes: ${params.speaker}` : "Quote bank");
  return (
    <>
      <h1>Quote bank</h1>
      <FilterForm
        action="/quotes"
        label="Filter quotes"
        fields={[
          { name: "speaker", label: "Speaker", type: "search", value: params.speaker, placeholder: "Putin" },
          { name: "about", label: "About", type: "search", value: params.about, placeholder: "trade" },
          ...publishedFields(params.from, params.to),
        ]}
        submit="Filter"
      />
      <Async fetched={fetched} what="the quotes">
        {(page) => (
          <>
            <QuoteList quotes={page.items} />
            <Pager path="/quotes" params={speakerId ? { ...params, speakerId } : params} offset={offset} limit={PAGE} next={page.next} />
          </>
        )}
      </Async>
    </>
  );
}
