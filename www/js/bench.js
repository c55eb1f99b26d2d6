// The map benchmark: a synthetic story of `flows` animated flows among `places` places, drawn
// as the live map draws it (static layer once, then core frame + putImageData on every
// requestAnimationFrame) for `seconds` seconds at 1200 x 700 CSS pixels. The figures go to
// `window.__bench` and to the page; tools/bench.mjs runs it headless and prints them.
import init, { FlowMap } from '../pkg/flowlines_wasm.js';
import { drawStaticLayer } from './static-layer.js';

const WIDTH = 1200;
const HEIGHT = 700;
const DPR = 1;
const SEED = 42n; // a u64 in the core: a BigInt here

const params = new URLSearchParams(location.search);
const number = (name, fallback) => {
  const v = Number(params.get(name) ?? fallback);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};
const flows = Math.round(number('flows', 1000));
const places = Math.round(number('places', 300));
const seconds = number('seconds', 5);
const day = params.get('day') ?? '2024-01-01';
// Particle thinning (FlowMap.set_thinning): off unless `thinning=on`, so that every flow
// carries as many particles as the reference page draws.
const thinning = params.get('thinning') === 'on';

/** The `q` quantile (0..1) of `values`, by the nearest rank; NaN when empty. */
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

function publish(result) {
  window.__bench = result;
  document.getElementById('fl-bench').textContent = JSON.stringify(result, null, 2);
}

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

async function boot() {
  const [, basemap] = await Promise.all([init(), text('data/basemap.json')]);
  const s0 = performance.now();
  const map = FlowMap.synthetic(places, flows, SEED);
  map.set_basemap(basemap);
  map.set_thinning(thinning);

  const container = document.getElementById('fl-map');
  Object.assign(container.style, { width: `${WIDTH}px`, height: `${HEIGHT}px`, flex: 'none' });
  const staticCanvas = document.getElementById('fl-static');
  const particleCanvas = document.getElementById('fl-particles');
  for (const canvas of [staticCanvas, particleCanvas]) {
    canvas.width = WIDTH * DPR;
    canvas.height = HEIGHT * DPR;
  }
  const ctx = particleCanvas.getContext('2d');
  map.resize(WIDTH, HEIGHT, DPR);
  map.set_day(FlowMap.day_of(day));
  // Building the story and laying it out: the core's part of the time to the first frame.
  const setupMs = performance.now() - s0;

  // The static layer, drawn once. Chromium records 2D canvas calls and rasterises them later,
  // when the frame is committed; reading one pixel back forces that now, so the figure holds
  // the whole cost and the first animation frame does not silently carry it.
  const t0 = performance.now();
  const staticCtx = staticCanvas.getContext('2d');
  drawStaticLayer(staticCtx, map, { width: WIDTH, height: HEIGHT, dpr: DPR, lang: 'en' });
  staticCtx.getImageData(0, 0, 1, 1);
  const staticLayerMs = performance.now() - t0;

  // The first rAF callback may carry a stale timestamp: Chromium stamps a callback with the
  // start of the frame it runs in, and that frame was due while the static layer was being
  // drawn. So the first frame only gives the time to the first frame; the measured window
  // starts at the second callback and lasts `seconds` seconds.
  const stamps = []; // rAF timestamps of the measured frames
  const core = []; // map.frame + map.paint of each measured frame, ms
  let firstFrameMs = NaN;
  let origin = NaN;
  let particles = 0;

  await new Promise((done) => {
    function tick(now) {
      if (Number.isNaN(origin)) origin = now;
      const a = performance.now();
      map.frame((now - origin) / 1000);
      map.paint(ctx);
      const b = performance.now();
      particles = map.particle_count();
      if (Number.isNaN(firstFrameMs)) {
        firstFrameMs = b; // performance.now() counts from navigation start
      } else {
        stamps.push(now);
        core.push(b - a);
        if (now - stamps[0] >= seconds * 1000) return done();
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });

  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  const elapsed = stamps[stamps.length - 1] - stamps[0];
  window.__benchRaw = { intervals, core }; // every sample, for a closer look
  // Frame i's core work runs at the start of interval i: the last frame's is outside them.
  const coreSum = core.slice(0, -1).reduce((s, x) => s + x, 0);
  publish({
    flows,
    places,
    thinning,
    particles,
    frames: stamps.length + 1,
    intervalMedianMs: round(quantile(intervals, 0.5)),
    intervalP95Ms: round(quantile(intervals, 0.95)),
    // Mean frame rate over the run: frames drawn per second of rAF time.
    fps: round(elapsed > 0 ? (intervals.length * 1000) / elapsed : NaN, 1),
    coreMedianMs: round(quantile(core, 0.5)),
    coreP95Ms: round(quantile(core, 0.95)),
    // Share of the run's wall time spent in map.frame + map.paint.
    coreShare: round(elapsed > 0 ? coreSum / elapsed : NaN, 3),
    staticLayerMs: round(staticLayerMs, 1),
    setupMs: round(setupMs, 1),
    firstFrameMs: round(firstFrameMs, 1),
  });
}

boot().catch((e) => {
  const message = e?.message ?? String(e);
  const box = document.getElementById('fl-errors');
  box.textContent = message; // never parsed as HTML
  box.hidden = false;
  publish({ error: message });
});
