import { Link } from "../components/Link";
import { Untrusted } from "../components/Untrusted";
import { useDocumentTitle } from "../useDocumentTitle";

export function NotFoundPage(props: { path: string }) {
  useDocumentTitle("Not found");
  return (
    <div class="error" role="alert">
      <h1>There is no page here</h1>
      <p>
        <Untrusted text={props.path} /> is not a page of newsgraph. <Link href="/search">Search the articles</Link> instead.
      </p>
    </div>
  );
}
