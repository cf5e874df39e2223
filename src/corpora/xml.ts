/**
 * The little XML the corpus readers need (TimeML, MEANTIME): entity decoding, escaping, and attribute values.
 * The corpora are regular, machine-written files; a full XML parser would add a dependency and nothing else.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? "";
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The decoded value of attribute `name` in a tag's attribute text, or null. */
export function xmlAttr(tag: string, name: string): string | null {
  let re = ATTRIBUTE_PATTERNS.get(name);
  if (!re) ATTRIBUTE_PATTERNS.set(name, (re = new RegExp(`\\b${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? decodeEntities(m[1]!) : null;
}
