// Boots the map: loads the wasm core, the data and the basemap, then draws frame after frame.
// The core computes everything; this shell moves time forward, passes input in and draws.
import init, { FlowMap } from '../pkg/flowlines_wasm.js';
import { fitCanvas } from './canvas-fit.js';
import { drawStaticLayer } from './static-layer.js';
import { Timeline } from './timeline.js';
import { buildLegend } from './legend.js';
import { Tooltip } from './tooltip.js';
import { attachZoom } from './zoom.js';
import { mountCharts } from './charts.js';
import { attachExport } from './export.js';

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') ?? 'data/nk-russia.json';
const basemapUrl = params.get('basemap') ?? 'data/basemap.json';
const lang = params.get('lang') ?? document.documentElement.lang ?? 'en';
// `?clock=SECONDS` freezes the particles at one instant (for still images and snapshots).
const fixedClock = params.has('clock') ? Number(params.get('clock')) : null;

function showErrors(message) {
  const box = document.getElementById('fl-errors');
  box.textContent = message; // data text is never parsed as HTML
  box.hidden = false;
}

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** Whether this browser has what the live map needs; without it the static image stays. */
function supported() {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
    && 'ResizeObserver' in window && 'requestAnimationFrame' in window
    && !!document.createElement('canvas').getContext;
}

async function boot() {
  if (!supported()) {
    document.body.dataset.static = 'true';
    return; // the static image in the page stays, with its alt text
  }
  const [, data, basemap] = await Promise.all([init(), text(dataUrl), text(basemapUrl).catch(() => null)]);
  const map = new FlowMap(dataUrl.split('/').pop(), data);
  if (basemap) map.set_basemap(basemap);

  const $ = (id) => document.getElementById(id);
  $('fl-title').textContent = map.title(lang);
  $('fl-summary').textContent = map.summary(lang);
  $('fl-caveat').textContent = map.caveat(lang);
  const container = $('fl-map');
  const staticCanvas = $('fl-static');
  const particleCanvas = $('fl-particles');
  const particleCtx = particleCanvas.getContext('2d');
  const tooltip = new Tooltip($('fl-tooltip'), container);
  let size = { width: 1, height: 1, dpr: 1 };
  let dirty = true;
  const redraw = () => { dirty = true; tooltip.refresh(); };

  const timeline = new Timeline({
    input: $('fl-time'),
    output: $('fl-date'),
    button: $('fl-play'),
    events: $('fl-events'),
    marks: map.events(lang),
    start: map.start_day(),
    end: map.end_day(),
    at: params.has('at') ? FlowMap.day_of(params.get('at')) : map.start_day(),
    playing: !params.has('paused'),
    label: (day) => FlowMap.date_of(day),
  });
  timeline.onChange(redraw);
  const charts = mountCharts($('fl-charts'), map, lang, timeline);
  buildLegend($('fl-legend'), map, lang, redraw);
  const zoom = attachZoom(container, map, redraw, { zoomIn: $('fl-zoom-in'), zoomOut: $('fl-zoom-out'), reset: $('fl-reset') });

  const point = (e) => {
    const box = container.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  container.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' || e.buttons) return;
    const [x, y] = point(e);
    tooltip.show(map, map.hit(x, y), x, y, lang);
  });
  container.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') tooltip.hide(); });
  container.addEventListener('pointerup', (e) => {
    if (e.pointerType === 'mouse' || zoom.wasDrag() || e.target.closest('button, .fl-tooltip')) return;
    const [x, y] = point(e);
    tooltip.show(map, map.hit(x, y), x, y, lang); // a tap shows, a tap on nothing hides
  });

  attachExport(map, {
    png: $('fl-export-png'),
    svg: $('fl-export-svg'),
    csv: $('fl-export-csv'),
    layers: [staticCanvas, particleCanvas],
    view: () => ({ ...size, lang }),
    name: () => `flowlines-${FlowMap.date_of(timeline.day)}`,
  });

  function layout() {
    size = fitCanvas(container, [staticCanvas, particleCanvas]);
    map.resize(size.width, size.height, size.dpr);
    redraw();
  }
  layout();
  new ResizeObserver(layout).observe(container);

  const started = performance.now();
  let last = started;
  function tick(now) {
    timeline.advance((now - last) / 1000);
    last = now;
    if (map.set_day(timeline.day)) redraw();
    charts.update(); // redraws when the day moved, at most ~10 times a second while playing
    if (dirty) {
      drawStaticLayer(staticCanvas.getContext('2d'), map, { ...size, lang });
      dirty = false;
    }
    map.frame(fixedClock ?? (now - started) / 1000);
    map.paint(particleCtx);
    document.body.dataset.ready = 'true';
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}

boot().catch((e) => showErrors(e.message ?? String(e)));
