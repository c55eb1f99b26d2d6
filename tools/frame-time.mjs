// Times FlowMap.frame (placing and rasterising every particle, the core's share of a frame) in
// Node on a built map module, as www/bench.html calls it: the benchmark's synthetic story
// (300 places, seed 42, 2024-01-01) at 1200 x 700 CSS pixels and a device pixel ratio of 1,
// thinning off. Prints CPU milliseconds per frame (process.cpuUsage, user + system), the
// median of RUNS runs of FRAMES frames each, with the spread. With --browser, the same in
// headless Chromium (tools/frame-time.html; wall time, after three runs left out), where the
// page's frames run: Node's V8 is older, and what speeds up a frame there may not here.
//
// Usage: node tools/frame-time.mjs [FLOWS...] [--runs=7] [--frames=40] [--pkg=DIR]... [--place]
//        [--browser] [--paced]
// --paced times each frame alone after 12 ms of idling, as the page's frames come at 60 Hz:
// back to back, a frame finds the last one's routes, pixels and branch history still at hand,
// and one after an idle spell does not. `make bench-map` judges the page's frames, and
// --paced comes near its figures where back-to-back frames did not (README, Benchmarks,
// "6 December, evening").
// --place times FlowMap.frame_positions too (placing only, no rasterising) on the same maps: a
// test-only method, in a module built with the cargo feature `testing` (e.g. `wasm-pack build
// crates/flowlines-wasm --release --target web --out-dir /tmp/pkg -- --features testing`, then
// --pkg=/tmp/pkg); the page's build (www/pkg) has none.
// Each --pkg names a folder holding flowlines_wasm.js and flowlines_wasm_bg.wasm (default
// www/pkg; with --browser, a folder inside the repository, which the page is served from, e.g.
// under target/); with several, their runs alternate in one process, so that a loaded machine
// disturbs each alike (compare a change with the module before it).
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { timeFrames } from './frame-timing.mjs';

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
const browser = args.includes('--browser');
const paced = args.includes('--paced');
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

/** The lines of the browser's run (see tools/frame-time-page.js). */
async function inBrowser() {
  // In Debian's Chromium, the module and its frames as a page runs them: V8's compilers in
  // Node and in Chromium differ, and a change that speeds up one may not speed up the other.
  const { start } = await import('../tests/browser.mjs');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const env = await start({ root });
  try {
    const page = await env.browser.newPage();
    const query = new URLSearchParams([
      ['flows', sizes.join(',')], ['runs', String(runs)], ['frames', String(frames)],
      ['place', place ? '1' : '0'], ['paced', paced ? '1' : '0'], ...pkgs.map((dir) => ['pkg', relative(root, resolve(dir))]),
    ]);
    await page.goto(`${env.origin}/tools/frame-time.html?${query}`);
    await page.waitForFunction(() => window.__frameTime || window.__frameTimeError, null, { timeout: 0 });
    const [lines, error] = await page.evaluate(() => [window.__frameTime, window.__frameTimeError]);
    if (error) throw new Error(error);
    return lines;
  } finally {
    await env.close();
  }
}

/** The lines of Node's run. */
async function inNode() {
  const modules = [];
  for (const dir of pkgs) modules.push({ dir, FlowMap: await load(dir) });
  return timeFrames(modules, sizes, { runs, frames, place, paced, nowMs: cpuMs });
}

(browser ? inBrowser() : inNode()).then(
  (lines) => console.log(lines.join('\n')),
  (e) => {
    console.error(e.message);
    process.exit(2);
  },
);
