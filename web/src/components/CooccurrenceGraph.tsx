import { useEffect, useRef, useState } from "preact/hooks";
import type { EntityProfile } from "../api";
import { navigate } from "../router";

/**
 * The entities that appear with this one, as a cytoscape graph: this entity in the middle, the others around it
 * (the most shared articles nearest), edges as thick as the articles they share; tapping a node opens its page.
 * cytoscape is loaded on demand so that other pages do not wait for it. The layout is concentric, which is
 * deterministic (a force layout would differ from load to load). Labels are drawn on the canvas, never as HTML.
 */
export function CooccurrenceGraph(props: { entity: EntityProfile }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { entity } = props;
  useEffect(() => {
    let destroyed = false;
    let destroy = () => {};
    import("cytoscape").then(
      ({ default: cytoscape }) => {
        if (destroyed || !container.current) return;
        claimCytoscapeStylesheet();
        const max = Math.max(1, ...entity.cooccurring.map((c) => c.articles));
        const cy = cytoscape({
          container: container.current,
          elements: [
            { data: { id: "self", label: entity.name, weight: max + 1 }, classes: "self" },
            ...entity.cooccurring.map((c) => ({ data: { id: `n${c.id}`, entityId: String(c.id), label: c.name, weight: c.articles }, classes: c.type })),
            ...entity.cooccurring.map((c) => ({ data: { id: `e${c.id}`, source: "self", target: `n${c.id}`, weight: c.articles } })),
          ],
          layout: { name: "concentric", concentric: (node) => Number(node.data("weight")), levelWidth: () => 1, minNodeSpacing: 24, animate: false },
          style: [
            { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#6b7fa8", color: "#1d2433", "text-valign": "bottom", "text-margin-y": 4, width: 18, height: 18 } },
            { selector: "node.self", style: { "background-color": "#c2410c", width: 28, height: 28, "font-weight": "bold" } },
            { selector: "node.PERSON", style: { "background-color": "#2563eb" } },
            { selector: "node.ORG", style: { "background-color": "#7c3aed" } },
            { selector: "node.GPE, node.LOC", style: { "background-color": "#059669" } },
            { selector: "edge", style: { width: `mapData(weight, 1, ${max}, 1, 6)`, "line-color": "#c5cbd8" } },
          ],
          userZoomingEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: true,
        });
        cy.on("tap", "node", (event) => {
          const id = event.target.data("entityId") as string | undefined;
          if (id) navigate(`/entities/${encodeURIComponent(id)}`);
        });
        destroy = () => cy.destroy();
      },
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      destroyed = true;
      destroy();
    };
  }, [entity]);
  if (failed) return <p class="error">The graph could not be drawn: {failed}</p>;
  return <div ref={container} class="graph" role="img" aria-label={`Entities that appear with ${entity.name}; the list below has the same links`} />;
}

/**
 * cytoscape injects a <style> element (`position: relative` for its container) unless an element with its id
 * exists already; the CSP (style-src 'self') refuses inline styles, so claim the id with an inert element and
 * give the container that rule in styles.css.
 */
function claimCytoscapeStylesheet(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const placeholder = document.createElement("meta");
  placeholder.id = id;
  placeholder.name = "cytoscape-stylesheet";
  document.head.appendChild(placeholder);
}
