// The live map inside one <flowlines-map> element: loads the wasm core, the data and the
// basemap, wires the controls in the element's shadow root, then draws frame after frame.
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

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** Whether this browser has what the live map needs; without it the static image stays. */
export function supported() {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
    && 'ResizeObserver' in window && 'requestAnimationFrame' in window
    && !!document.createElement('canvas').getContext;
}

/**
 * Mounts the live map in `root` (the element's shadow root) for `host` (the element), with
 * `settings` from its attributes and the page's URL (see settings.js). Errors are shown in
 * the element as text.
 */
export async function mount(root, host, settings) {
  const $ = (id) => root.getElementById(id);
  try {
    await run($, host, settings);
  } catch (e) {
    const box = $('fl-errors');
    box.textContent = e.message ?? String(e); // data text is never parsed as HTML
    box.hidden = false;
  }
}

async function run($, host, settings) {
  const { data: dataUrl, basemap: basemapUrl, lang } = settings;
  const fixedClock = settings.clock;
  const [, data, basemap] = await Promise.all([init(), text(dataUrl), text(basemapUrl).catch(() => null)]);
  const map = new FlowMap(dataUrl.split('/').pop(), data);
  if (basemap) map.set_basemap(basemap);

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
    at: settings.at ? FlowMap.day_of(settings.at) : map.start_day(),
    playing: settings.playing,
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
    host.dataset.ready = 'true';
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
}

