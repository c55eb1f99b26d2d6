// Draws what changes only with the view, the filters or the day: the basemap, each flow with
// its width, band, line style, marks and arrowhead, the place dots and their labels. Every
// position, width and style comes from the core; this module only strokes and fills.

import { styleTable, scaleFor as scaleOf } from './style-table.js';

const FONT_FAMILY = 'system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';

/** Label font size and place dot radius for a map `width` CSS pixels wide, for `map`. */
export function scaleFor(width, map) {
  return scaleOf(styleTable(map), width);
}

/**
 * The colours of the basemap and the labels: the custom properties of the element the canvas
 * sits in (--fl-land, --fl-coast, --fl-border, --fl-label, --fl-halo, --fl-place,
 * --fl-place-ring; the dark theme sets its own), the core's light ones (FlowMap.style_table)
 * where a property is not set.
 */
function lightColours(map) {
  const c = styleTable(map).colors;
  return {
    land: c.land,
    coast: c.coast,
    border: c.border,
    label: c.ink,
    halo: 'rgba(247,245,240,0.92)',
    place: c.ink,
    placeRing: c.white,
  };
}

/** The colours for a canvas showing `map`, read once per static redraw from its computed style. */
export function coloursOf(canvas, map) {
  const style = canvas && canvas.isConnected ? getComputedStyle(canvas) : null;
  const out = lightColours(map);
  if (!style) return out;
  for (const key of Object.keys(out)) {
    const name = `--fl-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const value = style.getPropertyValue(name).trim();
    if (value) out[key] = value;
  }
  return out;
}

function pathOf(ctx, xy, a, b) {
  ctx.beginPath();
  ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
  for (let i = a + 1; i < b; i++) ctx.lineTo(xy[2 * i], xy[2 * i + 1]);
}

function drawLines(ctx, xy, starts) {
  for (let r = 0; r + 1 < starts.length; r++) {
    if (starts[r + 1] - starts[r] < 2) continue;
    pathOf(ctx, xy, starts[r], starts[r + 1]);
    ctx.stroke();
  }
}

export function drawBasemap(ctx, map, colours) {
  const look = styleTable(map);
  // Views of wasm memory: read before the next call into the map.
  const { land_xy: land, land_rings: rings, coast_xy, coast_lines, border_xy, border_lines } = map.basemap_columns();
  if (land.length === 0) return;
  ctx.fillStyle = colours.land;
  ctx.beginPath();
  for (let r = 0; r + 1 < rings.length; r++) {
    const [a, b] = [rings[r], rings[r + 1]];
    if (b - a < 3) continue;
    ctx.moveTo(land[2 * a], land[2 * a + 1]);
    for (let i = a + 1; i < b; i++) ctx.lineTo(land[2 * i], land[2 * i + 1]);
    ctx.closePath();
  }
  ctx.fill('evenodd');
  ctx.lineJoin = 'round';
  ctx.strokeStyle = colours.coast;
  ctx.lineWidth = 0.8;
  drawLines(ctx, coast_xy, coast_lines);
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 0.9;
  ctx.setLineDash(look.borderDash);
  drawLines(ctx, border_xy, border_lines);
  ctx.setLineDash([]);
}

/** A small circled glyph: one of the core's badges (`look.badges`). */
function badge(ctx, look, x, y, glyph, color) {
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.fillStyle = look.colors.white;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(x, y, look.badgeRadius, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = look.colors.ink;
  ctx.font = 'bold 10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(glyph, x, y + 0.5);
  ctx.textAlign = 'start';
}

/** Above this many flows, flows are drawn as one layer the core rasterises. */
const BATCH_ABOVE = 1500;

/** A scratch canvas the size of `canvas`, kept for the next redraw. */
const scratchOf = new WeakMap();
function scratch(canvas) {
  let s = scratchOf.get(canvas);
  if (!s || s.canvas.width !== canvas.width || s.canvas.height !== canvas.height) {
    const c = document.createElement('canvas');
    c.width = canvas.width;
    c.height = canvas.height;
    s = c.getContext('2d');
    scratchOf.set(canvas, s);
  }
  return s;
}

/**
 * Many flows at once: the core draws the routes of each colour and line style as one
 * half-opaque layer and their arrowheads as another (`FlowMap.paint_routes`), into pixels put
 * on a scratch canvas, laid here over the basemap; marks, bands and dashes are left out at
 * this density (faint lines stay fainter). A software canvas took 18.6 s to stroke the same
 * 100,000 routes as paths.
 */
export function drawFlowsBatched(ctx, map) {
  const layer = scratch(ctx.canvas);
  map.paint_routes(layer);
  layScratch(ctx, layer);
}

/** Lays the scratch canvas of `layer` over `ctx` at its top left, in device pixels. */
function layScratch(ctx, layer) {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer.canvas, 0, 0);
  ctx.restore();
}

function drawFlows(ctx, map) {
  if (map.flow_count() > BATCH_ABOVE) {
    drawFlowsBatched(ctx, map);
    return;
  }
  drawFlowsInCore(ctx, map);
}

/**
 * The dotted grey outlines of assumed routes, and over them each visible flow with its band,
 * line, dashes and arrowhead, drawn one after another by the core as a canvas strokes them
 * (`FlowMap.paint_flows`) into one layer laid over the basemap; then the flows' `?` and `!`
 * badges over them. A software canvas dashing each route took most of a 1,000-flow map's
 * static layer.
 */
export function drawFlowsInCore(ctx, map) {
  const layer = scratch(ctx.canvas);
  map.paint_flows(layer);
  layScratch(ctx, layer);
  const look = styleTable(map);
  // Views of wasm memory: read before the next call into the map.
  const { marks, colors, visible, mark_xy: markXy } = map.frame_columns();
  // The core's badges, each at its place among a flow's four numbers (line_style::BADGES); a
  // flow with none of their marks (most of a large map) is passed over at once.
  const { badges } = look;
  const anyBadge = badges.reduce((bits, b) => bits | b.mark, 0);
  for (let s = 0; s < visible.length; s++) {
    if (!visible[s] || !(marks[s] & anyBadge)) continue;
    const color = colors.slice(7 * s, 7 * s + 7); // seven characters a flow (FlowMap.frame_columns)
    badges.forEach(({ mark, glyph }, k) => {
      if (marks[s] & mark) badge(ctx, look, markXy[4 * s + 2 * k], markXy[4 * s + 2 * k + 1], glyph, color);
    });
  }
}

function drawPlaces(ctx, map, lang, colours, { font, radius }) {
  const ring = styleTable(map).placeRing;
  const places = map.place_xy();
  const names = map.place_names(lang);
  ctx.font = `${font}px ${FONT_FAMILY}`;
  const widths = Float32Array.from(names, (n) => ctx.measureText(n).width);
  const labels = map.place_labels(widths, font + 3);
  ctx.textBaseline = 'top';
  for (let i = 0; i < names.length; i++) {
    const [x, y] = [places[2 * i], places[2 * i + 1]];
    ctx.fillStyle = colours.place;
    ctx.strokeStyle = colours.placeRing;
    ctx.lineWidth = ring;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    const [lx, ly] = [labels[2 * i], labels[2 * i + 1]];
    if (Number.isNaN(lx)) continue; // no free spot: the core hid this label
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.halo;
    ctx.fillStyle = colours.label;
    ctx.strokeText(names[i], lx, ly + 1);
    ctx.fillText(names[i], lx, ly + 1);
  }
}

/** Draws the static layer of `map` onto `ctx`, whose canvas is `dpr` device pixels per CSS pixel. */
export function drawStaticLayer(ctx, map, { width, height, dpr, lang }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const colours = coloursOf(ctx.canvas, map);
  drawBasemap(ctx, map, colours);
  drawFlows(ctx, map);
  drawPlaces(ctx, map, lang, colours, scaleFor(width, map));
}
