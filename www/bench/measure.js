// How both map benchmark pages are measured: our map (www/bench.html) and the plain-JavaScript
// reference (www/bench/reference.html) import this one module, so they are timed alike.
//
// Script time per frame is read with performance.now() from the start of the
// requestAnimationFrame callback to just after the frame's pixels are handed to the canvas
// (putImageData, or map.paint, which calls it): everything the page runs for a frame, wasm,
// JavaScript and the copy into the canvas, one sample per frame, so the median and the 95th
// percentile can be given. The Chrome DevTools Protocol's Performance.getMetrics
// (ScriptDuration, TaskDuration) only gives totals over a whole run, set-up and the harness's
// own calls included, so it cannot give a median per frame; tools/bench.mjs reads TaskDuration
// over the measured frames as a cross-check (`taskMsPerFrame`: all main-thread work per frame,
// style, layout and paint included).

/** The benchmark's parameters from the page's query string. */
export function params() {
  const q = new URLSearchParams(location.search);
  const number = (name, fallback) => {
    const v = Number(q.get(name) ?? fallback);
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    flows: Math.round(number('flows', 1000)),
    places: Math.round(number('places', 300)),
    seed: Math.round(number('seed', 42)),
    seconds: number('seconds', 5),
    day: q.get('day') ?? '2024-01-01',
    thinning: q.get('thinning') === 'on',
  };
}

/** The fewest frames a run measures, however long they take. */
const MIN_FRAMES = 10;

/** The map's size in CSS pixels, and device pixels per CSS pixel, on both pages. */
export const WIDTH = 1200;
export const HEIGHT = 700;
export const DPR = 1;

/** The `q` quantile (0..1) of `values`, by the nearest rank; NaN when empty. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/**
 * Makes the canvas of `ctx` rasterise what was drawn on it now. Chromium records 2D canvas
 * calls and rasterises them later, when the frame is committed; reading one pixel back forces
 * it, so a static layer's time holds its whole cost and the first frame does not carry it.
 */
export function settle(ctx) {
  ctx.getImageData(0, 0, 1, 1);
}

/**
 * Animates for `seconds` seconds of rAF time (and at least MIN_FRAMES frames) and measures
 * each frame. `compute(clockS)` makes
 * the frame's pixels (the core's share: `coreMedianMs`); `show()` puts them on the canvas.
 * `particles()` says how many particles the last frame drew. The first callback draws the
 * first frame; the second one's start is when that frame is on screen (`firstFrameMs`, from
 * navigation start); its timestamp may be stale (Chromium stamps a callback with the start of
 * the frame it runs in), so the measured window starts at the third callback.
 */
export function animate({ seconds, compute, show, particles }) {
  return new Promise((done) => {
    const stamps = [];
    const script = [];
    const core = [];
    let origin = NaN;
    let callbacks = 0;
    let firstFrameMs = NaN;
    let count = 0;
    function tick(now) {
      const a = performance.now();
      if (Number.isNaN(origin)) origin = now;
      compute((now - origin) / 1000);
      const b = performance.now();
      show();
      const c = performance.now();
      callbacks += 1;
      window.__benchFrames = callbacks; // for tools/bench.mjs's cross-check
      if (callbacks === 1) count = particles();
      if (callbacks === 2) firstFrameMs = a;
      if (callbacks >= 3) {
        stamps.push(now);
        script.push(c - a);
        core.push(b - a);
        if (now - stamps[0] >= seconds * 1000 && stamps.length >= MIN_FRAMES) {
          done(summary({ stamps, script, core, firstFrameMs, particles: count }));
          return;
        }
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
}

function summary({ stamps, script, core, firstFrameMs, particles }) {
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  const elapsed = stamps[stamps.length - 1] - stamps[0];
  window.__benchRaw = { intervals, script, core }; // every sample, for a closer look
  // Frame i's work runs at the start of interval i: the last frame's is outside them.
  const scriptSum = script.slice(0, -1).reduce((s, x) => s + x, 0);
  return {
    particles,
    frames: stamps.length,
    intervalMedianMs: round(quantile(intervals, 0.5)),
    intervalP95Ms: round(quantile(intervals, 0.95)),
    // Mean frame rate over the run: frames drawn per second of rAF time.
    fps: round(elapsed > 0 ? (intervals.length * 1000) / elapsed : NaN, 1),
    scriptMedianMs: round(quantile(script, 0.5)),
    scriptP95Ms: round(quantile(script, 0.95)),
    coreMedianMs: round(quantile(core, 0.5)),
    // Share of the run's wall time spent in the frame's script.
    scriptShare: round(elapsed > 0 ? scriptSum / elapsed : NaN, 3),
    firstFrameMs: round(firstFrameMs, 1),
  };
}

/** Hands the figures to tools/bench.mjs (`window.__bench`) and shows them on the page. */
export function publish(result) {
  window.__bench = result;
  const out = document.getElementById('fl-bench');
  if (out) out.textContent = JSON.stringify(result, null, 2);
}

/** Shows `e` on the page and reports it to tools/bench.mjs. */
export function fail(e) {
  const message = e?.message ?? String(e);
  const box = document.getElementById('fl-errors');
  if (box) {
    box.textContent = message; // never parsed as HTML
    box.hidden = false;
  }
  publish({ error: message });
}

export { round };
