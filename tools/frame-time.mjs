// Times FlowMap.frame (placing and rasterising every particle, the core's share of a frame) in
// Node on a built map module, as www/bench.html calls it: the benchmark's synthetic story
// (300 places, seed 42, 2024-01-01) at 1200 x 700 CSS pixels and a device pixel ratio of 1,
// thinning off. Prints CPU milliseconds per frame (process.cpuUsage, user + system), the
// median of RUNS runs of FRAMES frames each, with the spread.
//
// Usage: node tools/frame-time.mjs [FLOWS...] [--runs=7] [--frames=40] [--pkg=DIR]... [--place]
// --place times FlowMap.frame_positions too (placing only, no rasterising) on the same maps: a
// test-only method, in a module built with the cargo feature `testing` (e.g. `wasm-pack build
// crates/flowlines-wasm --release --target web --out-dir /tmp/pkg -- --features testing`, then
// --pkg=/tmp/pkg); the page's build (www/pkg) has none.
// Each --pkg names a folder holding flowlines_wasm.js and flowlines_wasm_bg.wasm (default
// www/pkg); with several, their runs alternate in one process, so that a loaded machine
// disturbs each alike (compare a change with the module before it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const runs = option('runs', 7);
const frames = option('frames', 40);
const pkgs = args.filter((a) => a.startsWith('--pkg=')).map((a) => a.slice(6));
if (pkgs.length === 0) pkgs.push('www/pkg');
const place = args.includes('--place');
const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
if (sizes.length === 0) sizes.push(10000, 100000);

/** Loads the map module in `dir` (a fresh instance: its own memory). */
async function load(dir) {
  const glue = await import(`${pathToFileURL(resolve(dir, 'flowlines_wasm.js')).href}?${dir}`);
  glue.initSync({ module: readFileSync(resolve(dir, 'flowlines_wasm_bg.wasm')) });
  return glue.FlowMap;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const modules = [];
for (const dir of pkgs) modules.push({ dir, FlowMap: await load(dir) });
const unplaced = modules.find(({ FlowMap }) => typeof FlowMap.prototype.frame_positions !== 'function');
if (place && unplaced) {
  console.error(`--place: ${unplaced.dir} has no FlowMap.frame_positions: build it with the cargo feature testing (see the top of this file)`);
  process.exit(2);
}

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
  const time = (map, call) => {
    const t0 = cpuMs();
    for (let f = 0; f < frames; f += 1) map[call](clock + f / 60);
    return (cpuMs() - t0) / frames;
  };
  for (let r = 0; r < runs; r += 1) {
    maps.forEach((map, i) => {
      times[i].push(time(map, 'frame'));
      if (place) placing[i].push(time(map, 'frame_positions'));
    });
    clock += frames / 60;
  }
  const fmt = (t) => `${median(t).toFixed(2)} ms (${Math.min(...t).toFixed(2)}-${Math.max(...t).toFixed(2)})`;
  maps.forEach((map, i) => {
    console.log(
      `${flows} flows, ${map.particle_count()} particles, ${modules[i].dir}: frame ${fmt(times[i])}`
        + (place ? `, placing only ${fmt(placing[i])}` : ''),
    );
    map.free();
  });
}
