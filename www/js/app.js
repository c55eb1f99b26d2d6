// The live map inside one <flowlines-map> element: loads the wasm core, the data and the
// basemap, wires the controls in the element's shadow root, then draws frame after frame.
// The core computes everything; this shell moves time forward, passes input in and draws.
// The charts and the SVG and CSV downloads come from a second wasm module (extras.js), loaded
// when the charts near the viewport or a download is asked for.
import { FlowMap, reads_in_worker as readsInWorker } from '../pkg/flowlines_wasm.js';
import { fitCanvas } from './canvas-fit.js';
import { drawStaticLayer } from './static-layer.js';
import { Timeline } from './timeline.js';
import { buildLegend, recolourLegend } from './legend.js';
import { Tooltip, attachFlowKeys } from './tooltip.js';
import { Words, labelControls } from './words.js';
import { mountSummary } from './summary.js';
import { attachZoom } from './zoom.js';
import { attachExport } from './export.js';
import { mountInset } from './inset.js';
import { keepInUrl, watchTheme } from './view-state.js';
import { fetchAllowed } from './sources.js';
import { guard, showFailure } from './guard.js';
import { knownCategories } from './settings.js';
import { knownDay, makeCommands, warnColors } from './commands.js';
import { versioned } from './versioned.js';
import { fetchInputs } from './inputs.js';
import { binaryOf, compactBasemapOf, extrasOf, problems } from './extras.js';
import { whenNear } from './near.js';
import { mountTour } from './steps.js';

/**
 * The data table (data-table.js), fetched when the reader first opens it: until then its
 * <details> holds only its summary line, and the page's first frame does not wait for it.
 * `build(mountTable)` makes the table, unless `signal` has stopped the map meanwhile. Returns
 * `{changed(), update(day, playing)}` as `mountTable` does; the table is written at once when
 * it arrives (the map may be paused, scrolled out of view), then as the day and filters change.
 */
function tableWhenOpened(details, words, signal, build) {
  const summary = document.createElement('summary');
  summary.textContent = words.t('table_show'); // never parsed as HTML
  details.replaceChildren(summary);
  let table = null;
  let asked = false;
  let last = [NaN, false];
  details.addEventListener('toggle', () => {
    if (!details.open || asked) return;
    asked = true;
    import('./data-table.js').then(({ mountTable }) => {
      if (signal?.aborted) return;
      table = build(mountTable);
      table.update(...last);
    }, () => { asked = false; }); // not fetched: the next opening tries again
  });
  return {
    changed() { table?.changed(); },
    update(day, playing) { last = [day, playing]; table?.update(day, playing); },
  };
}

/**
 * The words files read so far, by language: the map module carries English alone, and each
 * instance of it (the map module, the clustering build) reads the reader's language's words
 * (`FlowMap.set_words`) before it writes a text. A file it refuses leaves that language in
 * English, said on the console.
 */
const wordsRead = new Map();
function teach(module) {
  for (const [lang, bytes] of wordsRead) {
    try {
      module.FlowMap.set_words(lang, bytes);
    } catch (e) {
      console.warn(`flowlines: the words for ${lang} were not read: ${e.message}`);
    }
  }
  return module;
}

/** The clustering build when the core says the story of `handle` needs it (clustering.js). */
const clusteringFor = async (handle) => (handle.needs_clustering() ? teach(await (await import('./clustering.js')).load(handle)) : null);

/**
 * The map of story `data` (its file's bytes, named `file`), read by the map module, which reads
 * the binary compact form and does not validate it. A story the build wrote, unchanged (`built`,
 * inputs.js), it reads at once: the build validated it. Any other (a host's JSON or compact
 * story, a showStory's, or one of ours that does not match the manifest) goes to the second
 * module first, loaded only then: a valid story comes back in the compact form, and a broken one
 * as an error listing every problem as `file:line:column: message`; `original()` gives the text
 * of the file as written (the compact form's problems would point into the wrong file). A large
 * story (the core's rule) is read and validated in the story worker, so that the page does not
 * freeze. A story that needs clustering is read again, from the same bytes, by the clustering
 * build.
 */
async function readStory(file, data, built, original) {
  const map = readsInWorker(data.length) && await (await import('./read-in-worker.js')).readInWorker(file, data, original, clusteringFor);
  if (map) return map;
  let bytes = data;
  if (!built) {
    try {
      bytes = await binaryOf(file, data);
    } catch (e) {
      const located = await problems(file, await original()).catch(() => []);
      throw located.length ? new Error(located.join('\n')) : e;
    }
  }
  const read = FlowMap.from_validated_bytes(file, bytes);
  return (await clusteringFor(read))?.FlowMap.from_validated_bytes(file, bytes) ?? read;
}

/** The 'as of' line under the caveat: "Data as of … · version … · Corrections", the last
 * a disclosure listing each correction with its date, or saying there is none. */
function recordLine(map, lang) {
  const labels = map.record_labels(lang);
  const fill = (template, value) => template.replace('{}', value);
  const line = document.createElement('div');
  line.className = 'fl-record';
  line.append(`${fill(labels.as_of, map.as_of(lang))} · ${fill(labels.version, map.version())} · `);
  const details = document.createElement('details');
  details.className = 'fl-corrections';
  details.style.display = 'inline-block'; // through the CSSOM: allowed by a strict style-src
  details.style.verticalAlign = 'top';
  const summary = document.createElement('summary');
  summary.textContent = labels.corrections;
  details.append(summary);
  const corrections = map.corrections(lang);
  if (corrections.length === 0) {
    const none = document.createElement('p');
    none.textContent = labels.no_corrections;
    details.append(none);
  } else {
    const list = document.createElement('ul');
    for (const c of corrections) {
      const item = document.createElement('li');
      const date = document.createElement('time');
      date.textContent = c.date;
      item.append(date, `: ${c.text}`); // data text is never parsed as HTML
      list.append(item);
    }
    details.append(list);
  }
  line.append(details);
  return line;
}

/**
 * Mounts the live map in `root` (the element's shadow root) for `host` (the element), with
 * `settings` from its attributes and the page's URL (see settings.js). Errors are shown in
 * the element as text and fired as `flowlines-error`. Resolves to the map's commands
 * (commands.js), or null when it failed; `signal` aborting stops the map for good. `inputs`:
 * `fetchInputs(settings)` (inputs.js) already under way, else it is started here.
 */
export async function mount(root, host, settings, signal, inputs) {
  const $ = (id) => root.getElementById(id);
  try {
    return await run($, host, settings, signal, inputs);
  } catch (e) {
    if (signal?.aborted) return null;
    host.dataset.static = 'true'; // the static image stays, without controls that do nothing
    const box = $('fl-errors');
    const message = e.message ?? String(e);
    box.textContent = message; // data text is never parsed as HTML
    box.hidden = false;
    fireError(host, message);
    return null;
  }
}

/** Fires `flowlines-error` on `host` with `message` and its lines (one problem a line). */
export function fireError(host, message) {
  const detail = { message, messages: message.split('\n').filter(Boolean) };
  host.dispatchEvent(new CustomEvent('flowlines-error', { detail, bubbles: true, composed: true }));
}

async function run($, host, settings, signal, inputs) {
  const { data: dataUrl, lang, given } = settings; // given: showStory's, not fetched
  const fixedClock = settings.clock;
  // The module started and the files fetched (inputs.js): by flowlines-map.js, as the map neared.
  const { storyAt, data, built, basemap, wordsFile } = await (inputs ?? fetchInputs(settings));
  const text = async (url) => (await fetchAllowed(url, settings.allowed)).text();
  if (signal?.aborted) throw new Error('flowlines: this map was started again');
  if (wordsFile) wordsRead.set(lang, wordsFile);
  teach({ FlowMap });
  const file = given?.file ?? dataUrl.split('/').pop();
  const compact = storyAt !== new URL(dataUrl, document.baseURI).href;
  const read = await readStory(file, data, built, async () => (compact ? text(await versioned(dataUrl)) : new TextDecoder().decode(data)));
  // A trap in any call of this map stops this map alone (guard.js); the others run on.
  let failed = false;
  let failText = 'The live map stopped after an internal error; this is its still image.';
  const map = guard(read, (error) => {
    failed = true;
    console.error('flowlines: a map stopped after an error in its WebAssembly module', error);
    showFailure($, host, failText);
    fireError(host, failText);
  });
  map.set_thinning(true); // no more particles than a reader can tell apart (a no-op for small stories)
  if (basemap) {
    // Ours is compact (`basemap.bin`); a host's JSON basemap is compacted by the second module.
    try {
      map.set_basemap_bytes(basemap);
    } catch {
      map.set_basemap_bytes(await compactBasemapOf(basemap));
    }
  }
  settings.categories = knownCategories(settings.categories, map.categories(lang).map((c) => c.id));
  // Category colours for the theme shown: the host's (`colors`) and the story's own, each at
  // least 3:1 against the theme's land and sea or refused (the core's rule).
  const scheme = () => (host.dataset.scheme === 'dark' ? 'dark' : 'light');
  warnColors(map.set_colors(scheme(), settings.colors));
  const extras = extrasOf(map, { file, bytes: data, basemap });

  $('fl-title').textContent = map.title(lang);
  $('fl-summary').textContent = map.summary(lang);
  $('fl-caveat').textContent = map.caveat(lang);
  $('fl-caveat').after(recordLine(map, lang));
  const container = $('fl-map');
  const staticCanvas = $('fl-static');
  const particleCanvas = $('fl-particles');
  const particleCtx = particleCanvas.getContext('2d');
  // Clustered (clustering.js): no particles, no inset.
  const clusters = map.set_clustering?.(true) && (await import('./clustering.js')).mountClusters(host, container, $('fl-tooltip'), map, lang);
  const words = new Words(FlowMap.ui_text(lang), lang); // every fixed text, in the reader's language
  failText = words.t('map_failed');
  labelControls($, words);
  const tooltip = new Tooltip($('fl-tooltip'), container, words);
  const told = mountSummary($('fl-now'), map, lang); // the live region: what the map shows now
  const tableBox = $('fl-table');
  const table = tableWhenOpened(tableBox, words, signal,
    (mountTable) => mountTable(tableBox, map, lang, words, (day) => FlowMap.format_date(day, lang)));
  // A reader who asks for less motion gets no particles and no autoplay: static arrows only.
  const motion = matchMedia('(prefers-reduced-motion: reduce)');
  let still = motion.matches;
  let size = { width: 1, height: 1, dpr: 1 };
  let dirty = true;
  let framed = false; // whether the first frame has been drawn
  const redraw = () => { dirty = true; tooltip.refresh(); told.changed(); table.changed(); };

  // The map opens at the day asked for (`at`), else at the story's own first view (`open_at`),
  // paused there, with Play playing the story from its start.
  const atDay = knownDay(settings.at);
  const opening = atDay == null && map.open_day() !== map.start_day();
  const timeline = new Timeline({
    input: $('fl-time'),
    output: $('fl-date'),
    button: $('fl-play'),
    events: $('fl-events'),
    marks: map.events(lang),
    start: map.start_day(),
    end: map.end_day(),
    at: atDay ?? map.open_day(),
    playing: settings.playing && !still && !opening,
    rewind: opening,
    label: (day) => FlowMap.format_date(day, lang),
    date: (day) => FlowMap.date_of(day),
    words,
  });
  timeline.onChange(redraw);
  // The charts, once they reach the viewport: their module and the second wasm module load then,
  // so that a reader who stays with the map never downloads them.
  let charts = { update() {}, redraw() {}, recolour() {} };
  whenNear($('fl-charts'), async () => {
    try {
      const [{ mountCharts }, handle] = await Promise.all([import('./charts.js'), extras.get()]);
      charts = mountCharts($('fl-charts'), handle, () => extras.sync(handle), lang, timeline, words);
    } catch (e) {
      $('fl-charts').dataset.error = e.message ?? String(e); // the map goes on without its charts
    }
  }, '2px'); // not 0: the empty box, last on a short page, stops a fraction of a pixel below the
  // viewport when scrolled to the end, and would never count as reached
  buildLegend($('fl-legend'), map, lang, redraw, { shown: settings.categories, words });
  const inset = mountInset({ box: $('fl-inset'), canvas: $('fl-inset-static'), controls: $('fl-zoom') });
  const zoom = attachZoom(container, map, redraw, { zoomIn: $('fl-zoom-in'), zoomOut: $('fl-zoom-out'), reset: $('fl-reset') });
  if (!clusters) attachFlowKeys(container, map, tooltip, lang); // n and p step through the flows
  const on = { signal }; // every listener outside the shadow root ends with the map
  motion.addEventListener('change', () => {
    still = motion.matches;
    if (!still) return;
    if (timeline.playing) timeline.toggle();
    particleCtx.clearRect(0, 0, particleCanvas.width, particleCanvas.height); // canvas pixels, untransformed
  }, on);

  const point = (e) => {
    const box = container.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  container.addEventListener('pointermove', (e) => {
    if (clusters || e.pointerType !== 'mouse' || e.buttons) return;
    const [x, y] = point(e);
    tooltip.show(map, inset.hit(map, x, y), x, y, lang);
  });
  container.addEventListener('pointerleave', (e) => {
    if (e.pointerType !== 'mouse') return;
    // WebKit fires pointerleave when the capture zoom.js takes on pointerdown is released, with
    // the pointer still over the map: a click would close the tooltip it is reading. Only a
    // pointer that is outside the map has left it.
    const box = container.getBoundingClientRect();
    const inside = e.clientX >= box.left && e.clientX < box.right && e.clientY >= box.top && e.clientY < box.bottom;
    if (!inside) tooltip.hide();
  });
  container.addEventListener('pointerup', (e) => {
    if (clusters || e.pointerType === 'mouse' || zoom.wasDrag() || e.target.closest('button, .fl-tooltip')) return;
    const [x, y] = point(e);
    tooltip.show(map, inset.hit(map, x, y), x, y, lang); // a tap shows, a tap on nothing hides
  });

  attachExport(map, {
    extras,
    png: $('fl-export-png'),
    svg: $('fl-export-svg'),
    csv: $('fl-export-csv'),
    layers: [staticCanvas, particleCanvas],
    view: () => ({ ...size, lang }),
    name: () => `flowlines-${FlowMap.date_of(timeline.day)}`,
    words,
  });

  function layout() {
    // The view outlives a resize (a phone turned round); the first layout opens a shared link's.
    const kept = size.width > 1 ? map.view_shares() : settings.zoom;
    size = fitCanvas(container, [staticCanvas, particleCanvas]);
    inset.measure(map);
    map.resize(size.width, size.height, size.dpr);
    inset.layout(map);
    if (kept) map.set_view_shares(kept[0], kept[1], kept[2]);
    redraw();
    // Resizing cleared both canvases: drawn again now, before the browser paints, not at the
    // next animation frame (a blank frame on every resize of a host's iframe). The first
    // layout is drawn by the first frame.
    if (framed) {
      drawStatic();
      drawParticles();
    }
  }
  // The day first, then the size: the core works out the flows' styles for the day once,
  // where a first resize would work them out for the story's last day and the day again.
  map.set_day(timeline.day);
  layout();
  const resizing = new ResizeObserver(layout);
  resizing.observe(container);
  const urlView = keepInUrl({ host, map, timeline, legend: $('fl-legend'), label: (day) => FlowMap.date_of(day) });
  const api = makeCommands(host, map, {
    timeline, legend: $('fl-legend'), tooltip, lang, redraw, scheme, colors: settings.colors,
    opening: { day: atDay ?? map.open_day(), categories: settings.categories },
  });
  const recolour = () => { api.recolour(); recolourLegend($('fl-legend'), map, lang); charts.recolour(); };
  watchTheme(host, recolour, signal);
  // The story's guided tour (steps.js), through the same commands; `step` opens one at once.
  const tour = mountTour({ $, host, map, lang, words, timeline, tooltip, redraw, commands: api.commands, step: settings.step });

  // Frames only while the element is on screen and its tab is visible: a reader who scrolled
  // past the map, or switched tabs, pays nothing; the animation resumes where it stopped.
  let onScreen = true;
  let pending = 0; // the requested frame, 0 when stopped
  let clock = 0; // seconds of animation shown so far
  let last = null;
  let stopped = false; // started again (a new lang or data): for good
  function schedule() {
    if (failed || stopped) return;
    if (onScreen && !document.hidden) {
      if (!pending) pending = requestAnimationFrame(tick);
    } else {
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
      last = null;
    }
  }
  let seen = null;
  if ('IntersectionObserver' in window) {
    seen = new IntersectionObserver((entries) => {
      onScreen = entries[entries.length - 1].isIntersecting;
      schedule();
    });
    seen.observe(host);
  }
  document.addEventListener('visibilitychange', schedule, on);
  signal?.addEventListener('abort', () => {
    stopped = true;
    if (pending) cancelAnimationFrame(pending);
    pending = 0;
    resizing.disconnect();
    seen?.disconnect();
  });

  /** Draws the static layer (and the inset) again if anything changed since it was drawn. */
  function drawStatic() {
    if (dirty && clusters) clusters.draw(staticCanvas.getContext('2d'), { ...size, lang });
    else if (dirty) {
      drawStaticLayer(staticCanvas.getContext('2d'), map, { ...size, lang });
      inset.draw(map, staticCanvas.getContext('2d'), { ...size, lang });
    }
    dirty = false;
  }

  /** Places and draws the particles at the animation clock. */
  function drawParticles() {
    if (!still && !clusters) {
      map.frame(fixedClock ?? clock);
      map.paint(particleCtx);
    }
  }

  function tick(now) {
    pending = 0;
    framed = true;
    const seconds = last === null ? 0 : (now - last) / 1000;
    last = now;
    clock += seconds;
    timeline.advance(seconds);
    if (map.set_day(timeline.day)) redraw();
    charts.update(); // redraws when the day moved, at most ~10 times a second while playing
    drawStatic();
    told.update(timeline.day, timeline.playing);
    table.update(timeline.day, timeline.playing);
    drawParticles();
    if (host.dataset.ready !== 'true') {
      host.dataset.ready = 'true';
      api.ready({ categories: map.categories(lang), start: FlowMap.date_of(map.start_day()), end: FlowMap.date_of(map.end_day()) });
    }
    api.tick(now);
    urlView.tick(now);
    schedule();
  }
  schedule();
  return {
    ...api.commands,
    ...tour,
    view: () => api.view(),
    setColors: (text) => { api.setColors(text); recolourLegend($('fl-legend'), map, lang); charts.recolour(); },
  };
}

