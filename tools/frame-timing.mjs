// The timing loop of tools/frame-time.mjs, shared by its two places to run: Node (CPU time)
// and Chromium (tools/frame-time.html, wall time), so that both time the same calls alike.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds left idle before each frame with `paced`: a 60 Hz frame's 16.7 less its work. */
const IDLE_MS = 12;

/**
 * Times `FlowMap.frame` (and with `place`, `frame_positions`) of each module of `modules`
 * (`{ dir, FlowMap }`) on the benchmark's synthetic story (300 places, seed 42, 2024-01-01)
 * at 1200 x 700 CSS pixels, device pixel ratio 1, thinning off, for each number of flows of
 * `sizes`: `runs` runs of `frames` frames, the modules' runs alternating. `nowMs()` is the
 * clock. With `paced`, each frame is timed alone after `IDLE_MS` of idling, as the page's
 * frames come: a frame timed right after the last one finds the routes, the pixels and the
 * branch history where it left them, and one after an idle spell does not (which of them it
 * misses, and whether the virtual CPU's host ran other work meanwhile, the figures do not
 * say), so that a change can save a tenth of a frame back to back and a fortieth on the page
 * (6 December: routes sampled at equal steps, 10,000 flows; README, Benchmarks, "6 December,
 * evening"). Returns one line per size and module: the median milliseconds per frame and the
 * range.
 * Throws when `place` is asked of a module built without the cargo feature `testing`.
 */
export async function timeFrames(modules, sizes, { runs, frames, place, nowMs, warmUp = 0, paced = false }) {
  const unplaced = modules.find(({ FlowMap }) => typeof FlowMap.prototype.frame_positions !== 'function');
  if (place && unplaced) {
    throw new Error(`--place: ${unplaced.dir} has no FlowMap.frame_positions: build it with the cargo feature testing (see the top of tools/frame-time.mjs)`);
  }
  const lines = [];
  for (const flows of sizes) {
    const maps = modules.map(({ FlowMap }) => {
      const map = FlowMap.synthetic(300, flows, 42n);
      map.resize(1200, 700, 1);
      map.set_day(FlowMap.day_of('2024-01-01'));
      if (typeof map.set_thinning === 'function') map.set_thinning(false);
      map.frame(0);
      return map;
    });
    const times = maps.map(() => []);
    const placing = maps.map(() => []);
    let clock = 0;
    const time = async (map, call) => {
      if (paced) {
        let total = 0;
        for (let f = 0; f < frames; f += 1) {
          await new Promise((resolve) => { setTimeout(resolve, IDLE_MS); });
          const t0 = nowMs();
          map[call](clock + f / 60);
          total += nowMs() - t0;
        }
        return total / frames;
      }
      const t0 = nowMs();
      for (let f = 0; f < frames; f += 1) map[call](clock + f / 60);
      return (nowMs() - t0) / frames;
    };
    // Runs left out of the figures: a browser compiles a function again, optimised, only
    // after it has run a while.
    for (let r = 0; r < warmUp; r += 1) for (const map of maps) await time(map, 'frame');
    for (let r = 0; r < runs; r += 1) {
      for (const [i, map] of maps.entries()) {
        times[i].push(await time(map, 'frame'));
        if (place) placing[i].push(await time(map, 'frame_positions'));
      }
      clock += frames / 60;
    }
    const fmt = (t) => `${median(t).toFixed(2)} ms (${Math.min(...t).toFixed(2)}-${Math.max(...t).toFixed(2)})`;
    maps.forEach((map, i) => {
      lines.push(
        `${flows} flows, ${map.particle_count()} particles, ${modules[i].dir}: frame ${fmt(times[i])}`
          + (place ? `, placing only ${fmt(placing[i])}` : ''),
      );
      map.free();
    });
  }
  return lines;
}
