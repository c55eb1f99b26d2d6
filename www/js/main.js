// Boots the map: loads the wasm core and the data, then draws frame after frame.
// The core computes everything; this shell only moves time forward and draws what it is given.
import init, { FlowMap } from '../pkg/flowlines_wasm.js';
import { fitCanvas } from './canvas-fit.js';
import { drawStaticLayer } from './static-layer.js';
import { Timeline } from './timeline.js';

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') ?? 'data/nk-russia.json';
const lang = params.get('lang') ?? document.documentElement.lang ?? 'en';

function showErrors(message) {
  const box = document.getElementById('fl-errors');
  box.textContent = message; // data text is never parsed as HTML
  box.hidden = false;
}

async function boot() {
  await init();
  const response = await fetch(dataUrl);
  if (!response.ok) throw new Error(`${dataUrl}: ${response.status} ${response.statusText}`);
  const text = await response.text();
  const fileName = dataUrl.split('/').pop();
  const map = new FlowMap(fileName, text);

  document.getElementById('fl-title').textContent = map.title(lang);
  const container = document.getElementById('fl-map');
  const staticCanvas = document.getElementById('fl-static');
  const particleCanvas = document.getElementById('fl-particles');
  const particleCtx = particleCanvas.getContext('2d');

  const timeline = new Timeline({
    input: document.getElementById('fl-time'),
    output: document.getElementById('fl-date'),
    button: document.getElementById('fl-play'),
    start: map.start_day(),
    end: map.end_day(),
    at: params.has('at') ? FlowMap.day_of(params.get('at')) : map.start_day(),
    playing: !params.has('paused'),
    label: (day) => FlowMap.date_of(day),
  });

  function layout() {
    const { width, height, dpr } = fitCanvas(container, [staticCanvas, particleCanvas]);
    map.resize(width, height, dpr);
    drawStaticLayer(staticCanvas.getContext('2d'), map, { width, height, dpr, lang });
  }
  layout();
  new ResizeObserver(layout).observe(container);

  const started = performance.now();
  let last = started;
  function tick(now) {
    timeline.advance((now - last) / 1000);
    last = now;
    map.frame(timeline.day, (now - started) / 1000);
    map.paint(particleCtx);
    document.body.dataset.ready = 'true';
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}

boot().catch((e) => showErrors(e.message ?? String(e)));
