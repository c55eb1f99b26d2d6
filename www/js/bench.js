// The map benchmark: a synthetic story of `flows` animated flows among `places` places, drawn
// as the live map draws it (static layer once, then core frame + putImageData on every
// requestAnimationFrame) for `seconds` seconds at 1200 x 700 CSS pixels. It is measured by
// www/bench/measure.js, as the plain-JavaScript reference (www/bench/reference.html) is; the
// figures go to `window.__bench` and to the page, and tools/bench.mjs prints both side by side.
// `thinning=on` asks the core to thin out particles denser than a reader can see, where the
// core has such a rule (FlowMap.set_thinning); the result says whether it was applied.
// `cluster=on` loads the map module built with clustering (pkg/flowlines_wasm_clusters.js)
// and draws the story clustered (js/cluster-layer.js), with a tooltip, where the core says the
// story needs it; `cluster=off`, the default and what tools/bench.mjs asks for, keeps the
// engine comparison on every flow. With clustering, `window.__flowlines` gives the map, a
// `redraw()` that answers what was drawn, and `zoom(x, y, factor)`, for the browser test.
import { drawStaticLayer } from './static-layer.js';
import { params, animate, publish, fail, settle, WIDTH, HEIGHT, DPR } from '../bench/measure.js';

const clustering = new URLSearchParams(location.search).get('cluster') === 'on';

/** The bytes of file `url`. */
async function bytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function boot() {
  const p = params();
  const module = await import(clustering ? '../pkg/flowlines_wasm_clusters.js' : '../pkg/flowlines_wasm.js');
  const { default: init, FlowMap } = module;
  // The compact basemap, as the live map loads it (the map module reads no other form).
  const [, basemap] = await Promise.all([init(), bytes('data/basemap.bin')]);
  const s0 = performance.now();
  const map = FlowMap.synthetic(p.places, p.flows, BigInt(p.seed)); // the seed is a u64
  map.set_basemap_bytes(basemap);
  const clustered = clustering && map.set_clustering(true);
  const thinningApplied = typeof map.set_thinning === 'function';
  if (thinningApplied) map.set_thinning(p.thinning);

  const container = document.getElementById('fl-map');
  // Exactly WIDTH x HEIGHT CSS pixels, as the reference's: the page's style caps a map at
  // 600 px high, which would have the compositor scale both canvases down every frame.
  Object.assign(container.style, {
    width: `${WIDTH}px`, height: `${HEIGHT}px`, maxHeight: 'none', aspectRatio: 'auto', flex: 'none',
  });
  const staticCanvas = document.getElementById('fl-static');
  const particleCanvas = document.getElementById('fl-particles');
  for (const canvas of [staticCanvas, particleCanvas]) {
    canvas.width = WIDTH * DPR;
    canvas.height = HEIGHT * DPR;
  }
  const ctx = particleCanvas.getContext('2d');
  // The day before the size, as the live map sets them (js/app.js): the flows' styles are
  // worked out once.
  map.set_day(FlowMap.day_of(p.day));
  map.resize(WIDTH, HEIGHT, DPR);
  // Building the story and laying it out: the core's part of the time to the first frame.
  const setupMs = performance.now() - s0;

  // The static layer, drawn once (awaited, should it ever be drawn in steps) and rasterised.
  const t0 = performance.now();
  const staticCtx = staticCanvas.getContext('2d');
  const view = { width: WIDTH, height: HEIGHT, dpr: DPR, lang: 'en' };
  if (clustered) {
    const { drawClusterLayer, attachClusterTooltip } = await import('./cluster-layer.js');
    const redraw = () => drawClusterLayer(staticCtx, map, view);
    const drawn = redraw();
    attachClusterTooltip(container, document.getElementById('fl-tooltip'), map, 'en');
    window.__flowlines = {
      map,
      drawn,
      redraw,
      zoom: (x, y, factor) => { map.zoom_at(x, y, factor); return redraw(); },
    };
  } else {
    await drawStaticLayer(staticCtx, map, view);
  }
  settle(staticCtx);
  const staticLayerMs = performance.now() - t0;

  const result = await animate({
    seconds: p.seconds,
    compute: (clock) => map.frame(clock),
    show: () => map.paint(ctx),
    particles: () => map.particle_count(),
  });
  publish({
    page: 'flowlines',
    flows: p.flows,
    places: p.places,
    thinning: p.thinning && thinningApplied,
    clustered,
    ...result,
    staticLayerMs: Number(staticLayerMs.toFixed(1)),
    setupMs: Number(setupMs.toFixed(1)),
  });
}

boot().catch(fail);
