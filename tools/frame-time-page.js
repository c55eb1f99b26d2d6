// The browser half of `node tools/frame-time.mjs --browser`: loads each map module named by a
// `pkg` query parameter (a folder of the repository, served from its root), times its frames
// with tools/frame-timing.mjs on the page's clock (wall time, performance.now) and leaves the
// lines in `window.__frameTime`, or the error in `window.__frameTimeError`.
import { timeFrames } from './frame-timing.mjs';

const q = new URLSearchParams(location.search);
const number = (name, fallback) => Number(q.get(name) ?? fallback);

async function run() {
  const modules = [];
  for (const dir of q.getAll('pkg')) {
    const glue = await import(`/${dir}/flowlines_wasm.js`);
    await glue.default({ module_or_path: `/${dir}/flowlines_wasm_bg.wasm` });
    modules.push({ dir, FlowMap: glue.FlowMap });
  }
  const lines = await timeFrames(modules, q.get('flows').split(',').map(Number), {
    runs: number('runs', 7),
    frames: number('frames', 40),
    place: q.get('place') === '1',
    paced: q.get('paced') === '1',
    nowMs: () => performance.now(),
    warmUp: 3,
  });
  document.getElementById('out').textContent = lines.join('\n'); // text, never HTML
  window.__frameTime = lines;
}

run().catch((e) => { window.__frameTimeError = String(e?.message ?? e); });
