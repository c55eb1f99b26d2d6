// The plain-JavaScript reference of the map benchmark: the synthetic story our map draws in
// www/bench.html, drawn the way a good JavaScript engineer would draw it without flowlines.
// d3-geo great circles, resampled at equal pixel steps so that placing a particle is one
// lookup; every route stroked once onto a static canvas, one batched path per colour and line
// style, as our map batches them; particles as anti-aliased discs of radius 2.5 px from
// precomputed coverage stamps, blended with integer arithmetic into one ImageData, shown with
// one putImageData. No allocation per frame. The story's facts (places, flows, colours, line
// styles, each flow's particle count on the day) come from tools/bench-story.mjs, which writes
// what our core decides as plain arrays; all geometry and every frame are computed here.
import { params, animate, publish, fail, settle, WIDTH as W, HEIGHT as H } from './measure.js';

const { d3 } = window; // d3-array and d3-geo, copied into vendor/ by tools/build-bench.sh
const PAD = 40; // padding around the fitted map, CSS px (ours: PADDING_PX)
const EARTH_M = 6371008.8; // mean Earth radius, as the core's Haversine
const STEP = 8; // resampling step along each route, px; a particle lerps between two samples
const GAP = 12; // between parallel flows, px (ours: PARALLEL_GAP_PX)
const TRIM = 6; // routes stop short of the place dots, px (ours: PLACE_RADIUS_PX + 2)
const RADIUS = 2.5; // particle radius, px
const PHASES = 8; // sub-pixel positions per axis a coverage stamp is made for
const ARROWS_PER_PATH = 100; // arrowheads filled per path (see drawStatic)

/** Coverage stamps: for each sub-pixel phase, the pixels a disc covers and how much (0..256). */
function stamps() {
  const start = new Uint32Array(PHASES * PHASES + 1);
  const dx = [], dy = [], alpha = [];
  for (let p = 0; p < PHASES * PHASES; p++) {
    const cx = ((p % PHASES) + 0.5) / PHASES, cy = (Math.floor(p / PHASES) + 0.5) / PHASES;
    for (let y = -4; y <= 4; y++) for (let x = -4; x <= 4; x++) {
      const cover = Math.min(1, Math.max(0, RADIUS + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
      const a = Math.floor(cover * 255);
      if (a > 0) { dx.push(x); dy.push(y); alpha.push(a + (a >> 7)); }
    }
    start[p + 1] = alpha.length;
  }
  return { start, dx: Int8Array.from(dx), dy: Int8Array.from(dy), alpha: Uint16Array.from(alpha),
    offset: Int32Array.from(dx, (x, i) => dy[i] * W + x) };
}

/** Each flow's lane among flows between the same two places (ours: scene.rs's lanes()). */
function lanes(from, to, places) {
  const key = (f) => Math.min(from[f], to[f]) * places + Math.max(from[f], to[f]);
  const count = new Map(), seen = new Map(), lane = new Float64Array(from.length);
  for (let f = 0; f < from.length; f++) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  for (let f = 0; f < from.length; f++) {
    const k = key(f), slot = seen.get(k) ?? 0;
    seen.set(k, slot + 1);
    const l = slot - (count.get(k) - 1) / 2;
    lane[f] = `p${from[f]}` <= `p${to[f]}` ? l : -l; // the core compares place ids
  }
  return lane;
}

/** Great circles through the Albers conic, fitted to the map, offset, trimmed and resampled. */
function layout(story) {
  const n = story.from.length, ll = story.lonlat;
  const at = (i) => [ll[2 * i], ll[2 * i + 1]];
  const piece = (n > 5000 ? 250e3 : 50e3) / EARTH_M; // longest piece, radians (as the core)
  // The core's conic (projection::eurasia): standard parallels 40° N and 60° N, centre 85° E.
  const projection = d3.geoConicEqualArea().parallels([40, 60]).rotate([-85, 0]).scale(1).translate([0, 0]);
  const start = new Uint32Array(n + 1);
  for (let f = 0; f < n; f++) {
    const d = d3.geoDistance(at(story.from[f]), at(story.to[f]));
    start[f + 1] = start[f] + Math.max(1, Math.ceil(d / piece)) + 1;
  }
  const total = start[n];
  const px = new Float64Array(total), py = new Float64Array(total);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (x, y) => { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); };
  for (let f = 0; f < n; f++) {
    const arc = d3.geoInterpolate(at(story.from[f]), at(story.to[f])), k = start[f + 1] - start[f] - 1;
    for (let i = 0, j = start[f]; i <= k; i++, j++) {
      const p = projection(arc(i / k));
      px[j] = p[0];
      py[j] = p[1];
      grow(p[0], p[1]);
    }
  }
  for (let i = 0; i < story.places; i++) grow(...projection(at(i)));
  // Fit the map into the padded viewport, as d3's fitExtent would, from the points already projected.
  const k = Math.min((W - 2 * PAD) / (x1 - x0), (H - 2 * PAD) / (y1 - y0));
  const [tx, ty] = [W / 2 - (k * (x0 + x1)) / 2, H / 2 - (k * (y0 + y1)) / 2];
  projection.scale(k).translate([tx, ty]);
  for (let i = 0; i < total; i++) { px[i] = tx + k * px[i]; py[i] = ty + k * py[i]; }
  // Parallel flows side by side: each point moves along the mean of its segments' normals.
  const lane = lanes(story.from, story.to, story.places);
  const ox = new Float32Array(total), oy = new Float32Array(total), along = new Float64Array(total);
  const lengths = new Float32Array(n), samples = new Uint32Array(n + 1);
  for (let f = 0; f < n; f++) {
    const a = start[f], b = start[f + 1], d = lane[f] * GAP;
    for (let i = a; i < b; i++) {
      let nx = 0, ny = 0;
      for (let p = Math.max(a, i - 1); p < Math.min(b - 1, i + 1); p++) { // the segments at i
        const ex = px[p + 1] - px[p], ey = py[p + 1] - py[p], l = Math.sqrt(ex * ex + ey * ey);
        if (l > 0) { nx -= ey / l; ny += ex / l; }
      }
      const l = Math.sqrt(nx * nx + ny * ny) || 1;
      ox[i] = px[i] + (nx / l) * d;
      oy[i] = py[i] + (ny / l) * d;
      along[i] = i > a ? along[i - 1] + Math.sqrt((ox[i] - ox[i - 1]) ** 2 + (oy[i] - oy[i - 1]) ** 2) : 0;
    }
    lengths[f] = Math.max(0, along[b - 1] - 2 * TRIM);
    samples[f + 1] = samples[f] + (lengths[f] > 0 ? Math.ceil(lengths[f] / STEP) + 1 : 0);
  }
  // Each route trimmed to stop short of the dots (for the stroke), and sampled every STEP px
  // along it (for the particles).
  const xy = new Float32Array(2 * total), offsets = new Uint32Array(n + 1);
  const sx = new Float32Array(samples[n]), sy = new Float32Array(samples[n]);
  let out = 0;
  for (let f = 0; f < n; f++) {
    offsets[f] = out;
    const a = start[f], b = start[f + 1], len = lengths[f];
    if (len === 0) continue;
    let seg = a + 1; // the segment that ends at point `seg`, walked forward only
    const put = (at, X, i, Y, j) => { // the point `at` px along the route, into X[i], Y[j]
      while (seg < b - 1 && along[seg] < at) seg++;
      const t = (at - along[seg - 1]) / (along[seg] - along[seg - 1] || 1);
      X[i] = ox[seg - 1] + (ox[seg] - ox[seg - 1]) * t;
      Y[j] = oy[seg - 1] + (oy[seg] - oy[seg - 1]) * t;
    };
    for (let i = 0, j = samples[f]; j < samples[f + 1]; i++, j++) put(TRIM + Math.min(i * STEP, len), sx, j, sy, j);
    seg = a + 1;
    put(TRIM, xy, 2 * out, xy, 2 * out + 1);
    out++;
    for (let i = a + 1; i < b - 1; i++) {
      if (along[i] > TRIM && along[i] < TRIM + len) { xy[2 * out] = ox[i]; xy[2 * out + 1] = oy[i]; out++; }
    }
    put(TRIM + len, xy, 2 * out, xy, 2 * out + 1);
    out++;
  }
  offsets[n] = out;
  return { projection, xy, offsets, lengths, samples, sx, sy };
}

const hex = (c) => `#${c.toString(16).padStart(6, '0')}`;

/** The basemap, every flow (one path per colour and line style) and the places, as ours. */
function drawStatic(ctx, story, basemap, routes) {
  const { projection, xy, offsets } = routes;
  const line = (flat, close) => {
    const [x, y] = projection([flat[0], flat[1]]);
    ctx.moveTo(x, y);
    for (let i = 2; i < flat.length; i += 2) ctx.lineTo(...projection([flat[i], flat[i + 1]]));
    if (close) ctx.closePath();
  };
  ctx.fillStyle = '#f4f1ea';
  ctx.beginPath();
  for (const c of basemap.countries) for (const polygon of c.polygons) for (const ring of polygon) line(ring, true);
  ctx.fill('evenodd');
  ctx.lineJoin = 'round';
  for (const [lines, colour, width, dash] of [[basemap.coasts, '#8fa3b0', 0.8, []], [basemap.borders, '#9a9488', 0.9, [3, 2]]]) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (const l of lines) line(l, false);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  // Routes: one path per colour and line style, as ours draws more than 1,500 flows, but at
  // most 1 px wide where ours goes to 2 px: Chromium's software canvas strokes 1 px lines far
  // faster (25,000 routes here: 0.6 to 0.8 s, against 13 to 15 s at 2 px in paths of 400).
  const groups = new Map(); // colour and style -> flows
  for (let f = 0; f < story.from.length; f++) {
    if (!story.visible[f] || offsets[f + 1] - offsets[f] < 2) continue;
    const key = story.color[f] * 4 + story.style[f];
    if (!groups.has(key)) groups.set(key, { flows: [], width: 0 });
    const g = groups.get(key);
    g.flows.push(f);
    g.width = Math.max(g.width, Math.min(1, story.width[f]));
  }
  for (const [key, g] of groups) {
    const faint = key % 4 === 3;
    ctx.globalAlpha = faint ? 0.3 : 0.5;
    ctx.strokeStyle = ctx.fillStyle = hex(Math.floor(key / 4));
    ctx.lineWidth = g.width;
    ctx.beginPath();
    for (const f of g.flows) {
      ctx.moveTo(xy[2 * offsets[f]], xy[2 * offsets[f] + 1]);
      for (let i = offsets[f] + 1; i < offsets[f + 1]; i++) ctx.lineTo(xy[2 * i], xy[2 * i + 1]);
    }
    ctx.stroke();
    // Arrowheads: a triangle whose tip is the route's end, filled 100 to a path. Skia fills
    // one path of 25,000 triangles 15 to 20 times as slowly as 250 paths of 100 (seen here:
    // 5.2 to 6.9 s against 0.34 s). Where triangles of two paths overlap, at the busiest
    // places, they blend twice and come out a little darker.
    for (let at = 0; at < g.flows.length; at += ARROWS_PER_PATH) {
      ctx.beginPath();
      for (const f of g.flows.slice(at, at + ARROWS_PER_PATH)) {
        const e = 2 * (offsets[f + 1] - 1), [x, y] = [xy[e], xy[e + 1]];
        const l = Math.hypot(x - xy[e - 2], y - xy[e - 1]) || 1, [dx, dy] = [(x - xy[e - 2]) / l, (y - xy[e - 1]) / l];
        const half = Math.max(4.5, story.width[f] / 2 + 3), [bx, by] = [x - dx * half * 1.6, y - dy * half * 1.6];
        ctx.moveTo(x, y);
        ctx.lineTo(bx - dy * half, by + dx * half);
        ctx.lineTo(bx + dy * half, by - dx * half);
        ctx.closePath();
      }
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  ctx.font = '13px system-ui, "Noto Sans", sans-serif';
  ctx.textBaseline = 'top';
  const taken = []; // label boxes: a label is left out where it would cover another
  for (let i = 0; i < story.places; i++) {
    const [x, y] = projection([story.lonlat[2 * i], story.lonlat[2 * i + 1]]);
    ctx.fillStyle = '#1d1d1f';
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x, y, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    const name = `Place ${i}`, box = [x + 7, y - 8, x + 7 + ctx.measureText(name).width, y + 8];
    if (box[2] > W || taken.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    taken.push(box);
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(247,245,240,0.92)';
    ctx.strokeText(name, box[0], box[1] + 1);
    ctx.fillText(name, box[0], box[1] + 1);
  }
}

/** The moving particles: per flow, its count, speed, colour and place in the lookup table. */
function particles(story, routes) {
  const use = [];
  for (let f = 0; f < story.from.length; f++) {
    if (story.visible[f] && story.style[f] !== 3 && story.particles[f] > 0 && routes.lengths[f] > 0) use.push(f);
  }
  const pick = (T, fn) => T.from(use, fn);
  return {
    n: use.length,
    total: use.reduce((s, f) => s + story.particles[f], 0),
    count: pick(Uint8Array, (f) => story.particles[f]),
    length: pick(Float32Array, (f) => routes.lengths[f]),
    // Speed grows with the particle count as ours grows both with the flow's rate: 30 px/s
    // for the fewest (2) to 120 px/s for the most (8).
    speed: pick(Float32Array, (f) => 30 + (90 * (story.particles[f] - 2)) / 6),
    at: pick(Uint32Array, (f) => routes.samples[f]),
    // Colour as packed lanes of the RGBA word (little-endian: R, G, B, A from the low byte):
    // red and blue, then green and an opaque alpha, each ready to multiply by a coverage.
    rb: pick(Uint32Array, (f) => (story.color[f] >> 16) | ((story.color[f] & 0xff) << 16)),
    ga: pick(Uint32Array, (f) => ((story.color[f] >> 8) & 0xff) | 0xff0000),
  };
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}

async function boot() {
  const p = params();
  const name = `data/synthetic-${p.places}-${p.flows}-${p.seed}-${p.day}.json`;
  const [story, basemap] = await Promise.all([json(name), json('../data/basemap.json')]);
  const s0 = performance.now();
  const routes = layout(story);
  const setupMs = performance.now() - s0;
  const canvases = ['fl-static', 'fl-particles'].map((id) => document.getElementById(id));
  for (const c of canvases) [c.width, c.height] = [W, H];
  const t0 = performance.now();
  const staticCtx = canvases[0].getContext('2d');
  drawStatic(staticCtx, story, basemap, routes);
  settle(staticCtx);
  const staticLayerMs = performance.now() - t0;

  const ctx = canvases[1].getContext('2d');
  const image = ctx.createImageData(W, H);
  const pixels = new Uint32Array(image.data.buffer);
  const { start, dx, dy, alpha, offset } = stamps();
  const { n: active, count, length, speed, at, rb: RB, ga: GA, total } = particles(story, routes);
  const { sx, sy } = routes;
  function disc(x, y, rb, ga) {
    const X = Math.floor(x), Y = Math.floor(y);
    const phase = Math.floor((x - X) * PHASES) + PHASES * Math.floor((y - Y) * PHASES);
    const inside = X >= 4 && Y >= 4 && X < W - 4 && Y < H - 4, base = Y * W + X;
    for (let e = start[phase], end = start[phase + 1]; e < end; e++) {
      if (!inside && (X + dx[e] < 0 || Y + dy[e] < 0 || X + dx[e] >= W || Y + dy[e] >= H)) continue;
      const i = base + offset[e], a = alpha[e], keep = 256 - a, d = pixels[i];
      // Over, in 8-bit integers, two channels per multiply (each product stays in its lane).
      const lo = ((Math.imul(rb, a) + Math.imul(d & 0xff00ff, keep)) >>> 8) & 0xff00ff;
      const hi = ((Math.imul(ga, a) + Math.imul((d >>> 8) & 0xff00ff, keep)) >>> 8) & 0xff00ff;
      pixels[i] = lo | (hi << 8);
    }
  }
  function compute(clock) {
    pixels.fill(0);
    for (let j = 0; j < active; j++) {
      const len = length[j], n = count[j], first = at[j], rb = RB[j], ga = GA[j];
      const head = ((clock * speed[j]) / len) % 1;
      for (let k = 0; k < n; k++) {
        let f = head + k / n;
        if (f >= 1) f -= 1;
        const u = (f * len) / STEP, whole = Math.floor(u), t = u - whole, i = first + whole;
        disc(sx[i] + (sx[i + 1] - sx[i]) * t, sy[i] + (sy[i + 1] - sy[i]) * t, rb, ga);
      }
    }
  }
  const result = await animate({
    seconds: p.seconds,
    compute,
    show: () => ctx.putImageData(image, 0, 0),
    particles: () => total,
  });
  publish({ page: 'reference', flows: p.flows, places: p.places, ...result, staticLayerMs: Number(staticLayerMs.toFixed(1)), setupMs: Number(setupMs.toFixed(1)) });
}

boot().catch(fail);
