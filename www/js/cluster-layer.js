// A clustered map's static layer and tooltip (issue 14 item 6; the rules are the core's,
// crates/flowlines-core/src/cluster): the basemap, the flows between clusters with the widths,
// colours and arrowheads the core gave them, each cluster's bubble with its count (a single
// place: its dot and name), and the line of smaller flows the core summed. This module only
// strokes, fills and writes text. Loaded only by a map that clusters (app.js, for a story the
// core says needs it; www/bench.html with cluster=on), with the map module built with
// clustering (pkg/flowlines_wasm_clusters.js).
import { coloursOf, drawBasemap, scaleFor } from './static-layer.js';

const FONT_FAMILY = 'system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';

/** The text drawn with a halo, so that it reads over flows and land. */
function haloText(ctx, text, x, y, colours) {
  ctx.lineWidth = 3;
  ctx.strokeStyle = colours.halo;
  ctx.fillStyle = colours.label;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/**
 * Lays the clusters out for the map's view, day and filters (`map.cluster_layout`) and draws
 * them onto `ctx`, whose canvas is `dpr` device pixels per CSS pixel. Returns what was
 * drawn: `{routes, clusters, places, labelled, hidden, bubbles, counted, rest}` (flows
 * stroked, bubbles and dots drawn, the places they hold, how many had their label written, the
 * indices of those whose label had no free spot, the bubbles of several places drawn and how
 * many of them carry their count, and the summed line shown, if any).
 */
export function drawClusterLayer(ctx, map, { width, height, dpr, lang }) {
  map.cluster_layout();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const colours = coloursOf(ctx.canvas, map);
  drawBasemap(ctx, map, colours);

  const line = map.cluster_flow_xy();
  const widths = map.cluster_flow_widths();
  const colors = map.cluster_flow_colors();
  const arrows = map.cluster_arrow_xy();
  ctx.lineCap = 'butt';
  let routes = 0;
  for (let f = 0; f < widths.length; f++) {
    ctx.globalAlpha = 0.75;
    ctx.strokeStyle = colors[f];
    ctx.fillStyle = colors[f];
    ctx.lineWidth = widths[f];
    ctx.beginPath();
    ctx.moveTo(line[4 * f], line[4 * f + 1]);
    ctx.lineTo(line[4 * f + 2], line[4 * f + 3]);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(arrows[6 * f], arrows[6 * f + 1]);
    ctx.lineTo(arrows[6 * f + 2], arrows[6 * f + 3]);
    ctx.lineTo(arrows[6 * f + 4], arrows[6 * f + 5]);
    ctx.closePath();
    ctx.fill();
    routes += 1;
  }
  ctx.globalAlpha = 1;

  const xy = map.cluster_xy();
  const radius = map.cluster_radius();
  const size = map.cluster_size();
  const labels = map.cluster_labels(lang);
  const { font } = scaleFor(width, map);
  const countFont = `bold ${font - 2}px ${FONT_FAMILY}`;
  const nameFont = `${font}px ${FONT_FAMILY}`;
  const measured = Float64Array.from(labels, (text, i) => {
    ctx.font = size[i] > 1 ? countFont : nameFont;
    return ctx.measureText(text).width;
  });
  const at = map.cluster_label_xy(measured, font + 3);
  ctx.textBaseline = 'top';
  let labelled = 0;
  let bubbles = 0;
  let places = 0;
  let counted = 0;
  const hidden = [];
  for (let i = 0; i < size.length; i++) {
    const [x, y, r] = [xy[2 * i], xy[2 * i + 1], radius[i]];
    ctx.fillStyle = size[i] > 1 ? colours.halo : colours.place;
    ctx.strokeStyle = size[i] > 1 ? colours.place : colours.placeRing;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    if (size[i] > 1) bubbles += 1;
    places += size[i];
    if (Number.isNaN(at[2 * i])) { // no free spot: the core hid this place's name
      hidden.push(i);
      continue;
    }
    ctx.font = size[i] > 1 ? countFont : nameFont;
    haloText(ctx, labels[i], at[2 * i], at[2 * i + 1] + 1, colours);
    labelled += 1;
    if (size[i] > 1) counted += 1;
  }

  const rest = map.cluster_rest(lang) ?? null;
  if (rest) {
    ctx.font = nameFont;
    ctx.textBaseline = 'bottom';
    haloText(ctx, rest, 8, height - 8, colours);
  }
  ctx.textBaseline = 'alphabetic';
  return { routes, clusters: size.length, places, labelled, hidden, bubbles, counted, rest };
}

/**
 * Answers the pointer over `container` with what the core says is under it (`cluster_hit`):
 * the cluster's places or the flow's ends, total and count, as text in `tooltip`.
 */
export function attachClusterTooltip(container, tooltip, map, lang) {
  let shown = null;
  container.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' || e.buttons) return;
    const box = container.getBoundingClientRect();
    const [x, y] = [e.clientX - box.left, e.clientY - box.top];
    const [kind, index, ...lines] = map.cluster_hit(x, y, lang);
    if (!kind) {
      tooltip.hidden = true;
      shown = null;
      return;
    }
    if (shown !== `${kind}:${index}`) {
      const [title, ...more] = lines;
      const head = document.createElement('h2');
      head.textContent = title; // data text is never parsed as HTML
      tooltip.replaceChildren(head, ...more.map((text) => {
        const div = document.createElement('div');
        div.textContent = text;
        return div;
      }));
      tooltip.dataset.kind = kind;
      shown = `${kind}:${index}`;
    }
    tooltip.hidden = false;
    const { offsetWidth: w, offsetHeight: h } = tooltip;
    tooltip.style.left = `${x + 14 + w > box.width ? Math.max(4, x - 14 - w) : x + 14}px`;
    tooltip.style.top = `${Math.min(Math.max(4, y - 10), Math.max(4, box.height - h - 4))}px`;
  });
  container.addEventListener('pointerleave', () => { tooltip.hidden = true; shown = null; });
}
