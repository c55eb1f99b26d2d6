// Draws what changes only with the view, the filters or the day: the basemap, each flow with
// its width, band, line style, marks and arrowhead, the place dots and their labels. Every
// position, width and style comes from the core; this module only strokes and fills.

const FONT_FAMILY = 'system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';
/** Under this width (CSS pixels) the map is a phone's: smaller labels and dots. */
const NARROW = 480;

/** Label font size and place dot radius for a map `width` CSS pixels wide. */
export function scaleFor(width) {
  return width < NARROW ? { font: 11, radius: 3 } : { font: 13, radius: 4 };
}

/**
 * The colours of the basemap and the labels: the custom properties of the element the canvas
 * sits in (--fl-land, --fl-coast, --fl-border, --fl-label, --fl-halo, --fl-place,
 * --fl-place-ring; the dark theme sets its own), these light ones where a property is not set.
 */
const COLOURS = {
  land: '#f4f1ea',
  coast: '#8fa3b0',
  border: '#9a9488',
  label: '#1d1d1f',
  halo: 'rgba(247,245,240,0.92)',
  place: '#1d1d1f',
  placeRing: '#fff',
};

/** The colours for a canvas, read once per static redraw from its computed style. */
export function coloursOf(canvas) {
  const style = canvas && canvas.isConnected ? getComputedStyle(canvas) : null;
  const out = { ...COLOURS };
  if (!style) return out;
  for (const key of Object.keys(COLOURS)) {
    const name = `--fl-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const value = style.getPropertyValue(name).trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Dash patterns by line style code (0 solid, 1 dashed, 2 dotted, 3 faint), scaled by width. */
function dash(style, width) {
  if (style === 1) return [Math.max(6, width * 2.5), Math.max(4, width * 1.2)];
  if (style === 2) return [0.1, Math.max(4, width * 1.6)];
  return [];
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
  ctx.setLineDash([3, 2]);
  drawLines(ctx, border_xy, border_lines);
  ctx.setLineDash([]);
}

/** A small circled glyph: '?' for an unknown quantity, '!' for a dispute. */
function badge(ctx, x, y, glyph, color) {
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#1d1d1f';
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
  // Views of wasm memory: read before the next call into the map.
  const {
    route_xy: xy, route_offsets: offsets, colors, widths, styles, marks, visible, arrow_xy: arrows, mark_xy: markXy,
  } = map.frame_columns();
  ctx.lineJoin = 'round';
  for (let s = 0; s + 1 < offsets.length; s++) {
    if (!visible[s]) continue;
    const [a, b] = [offsets[s], offsets[s + 1]];
    if (b - a < 2) continue;
    const [w, low, high] = [widths[3 * s], widths[3 * s + 1], widths[3 * s + 2]];
    const style = styles[s];
    const faint = style === 3;
    // An assumed or endpoints-only path: a dotted grey outline around the flow.
    if (marks[s] & 8) {
      ctx.globalAlpha = 0.45;
      ctx.strokeStyle = '#6b6b72';
      ctx.lineWidth = Math.max(w, high) + 3;
      ctx.lineCap = 'round';
      ctx.setLineDash([1, 5]);
      pathOf(ctx, xy, a, b);
      ctx.stroke();
    }
    // A range: a pale band from the low to the high width, under the central line.
    if (high - low > 1) {
      ctx.globalAlpha = 0.22;
      ctx.strokeStyle = colors[s];
      ctx.setLineDash([]);
      ctx.lineCap = 'butt';
      ctx.lineWidth = high;
      pathOf(ctx, xy, a, b);
      ctx.stroke();
    }
    ctx.globalAlpha = faint ? 0.4 : 0.9;
    ctx.strokeStyle = colors[s];
    ctx.lineWidth = faint ? 1.5 : (marks[s] & 1) ? w : Math.max(low, Math.min(w, high));
    ctx.lineCap = style === 2 ? 'round' : 'butt';
    ctx.setLineDash(faint ? [2, 4] : dash(style, ctx.lineWidth));
    pathOf(ctx, xy, a, b);
    ctx.stroke();
    // The arrowhead: filled, or hollow when the destination is inferred.
    ctx.setLineDash([]);
    ctx.globalAlpha = faint ? 0.5 : 1;
    ctx.beginPath();
    ctx.moveTo(arrows[6 * s], arrows[6 * s + 1]);
    ctx.lineTo(arrows[6 * s + 2], arrows[6 * s + 3]);
    ctx.lineTo(arrows[6 * s + 4], arrows[6 * s + 5]);
    ctx.closePath();
    if (marks[s] & 4) {
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = colors[s];
      ctx.stroke();
    } else {
      ctx.fillStyle = colors[s];
      ctx.fill();
    }
    if (marks[s] & 1) badge(ctx, markXy[4 * s], markXy[4 * s + 1], '?', colors[s]);
    if (marks[s] & 2) badge(ctx, markXy[4 * s + 2], markXy[4 * s + 3], '!', colors[s]);
  }
  ctx.globalAlpha = 1;
}

function drawPlaces(ctx, map, lang, colours, { font, radius }) {
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
    ctx.lineWidth = 1.5;
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
  const colours = coloursOf(ctx.canvas);
  drawBasemap(ctx, map, colours);
  drawFlows(ctx, map);
  drawPlaces(ctx, map, lang, colours, scaleFor(width));
}
