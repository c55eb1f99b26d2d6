// <flowlines-map>: the live map as a custom element, in its own shadow root so that the host
// page's styles do not reach in and ours do not leak out. Its light-DOM children (a static
// image with `slot="fallback"`) show while the map loads and wherever it cannot run.
//
//   <script type="module" src=".../js/flowlines-map.js"></script>
//   <flowlines-map data="data/nk-russia.json" lang="ko" at="2024-10-13"></flowlines-map>
//
// A story page drives it with methods (setDate, play, pause, showCategories, focusStream,
// fitTo, reset), changes of its attributes, and its events (flowlines-ready, -change, -error):
// docs/api.md; its looks with hide, transparent, colors, --fl-* and ::part(): docs/styling.md.
import { readSettings, parseList, ignored, langCode, THEMES } from './settings.js';
import { whenNear } from './near.js';
import { fetchMapModule, fetchOwnInputs } from './versioned.js';

const CSS = new URL('../css/flowlines.css', import.meta.url).href;

const TEMPLATE = `
<div class="fl-app" part="app">
  <h1 class="fl-title" id="fl-title" part="title"></h1>
  <p class="fl-summary" id="fl-summary" part="summary"></p>
  <div class="fl-stage">
    <div class="fl-map" id="fl-map" part="map" tabindex="0" role="application"
         aria-label="Map of flows. Arrow keys pan, plus and minus zoom, 0 resets the view.">
      <slot name="fallback"></slot>
      <canvas class="fl-layer" id="fl-static" aria-hidden="true"></canvas>
      <canvas class="fl-layer" id="fl-particles" aria-hidden="true"></canvas>
      <div class="fl-inset" id="fl-inset" aria-hidden="true" hidden><canvas class="fl-layer" id="fl-inset-static"></canvas></div>
      <div class="fl-zoom" id="fl-zoom" part="zoom">
        <button type="button" id="fl-zoom-in" part="button" aria-label="Zoom in">+</button>
        <button type="button" id="fl-zoom-out" part="button" aria-label="Zoom out">−</button>
        <button type="button" id="fl-reset" part="button">Reset</button>
      </div>
      <div class="fl-tooltip" id="fl-tooltip" part="tooltip" role="status" hidden></div>
    </div>
    <aside class="fl-legend" id="fl-legend" part="legend" aria-label="Legend and filters"></aside>
  </div>
  <div class="fl-controls" part="controls">
    <button type="button" id="fl-play" part="button play" aria-pressed="true">Pause</button>
    <div class="fl-timeline">
      <input type="range" id="fl-time" min="0" max="1" step="1" value="0" aria-label="Date">
      <div class="fl-events" id="fl-events"></div>
    </div>
    <output id="fl-date" part="date" for="fl-time"></output>
  </div>
  <div class="fl-export" id="fl-export" part="downloads">
    <span>Download:</span>
    <button type="button" id="fl-export-png" part="button">Image (PNG)</button>
    <button type="button" id="fl-export-svg" part="button">Image (SVG)</button>
    <button type="button" id="fl-export-csv" part="button">Data (CSV)</button>
  </div>
  <p class="fl-caveat" id="fl-caveat" part="caveat"></p>
  <div class="fl-now" id="fl-now" aria-live="polite"></div>
  <details class="fl-table" id="fl-table" part="table"></details>
  <section class="fl-charts" id="fl-charts" part="charts" aria-label="The story over time"></section>
  <div class="fl-errors" id="fl-errors" part="errors" role="alert" hidden></div>
</div>`;

export class FlowlinesMap extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'at', 'categories', 'theme', 'data', 'hide', 'transparent', 'colors', 'step'];
  }

  /** The running map's commands (commands.js), null until it runs or when it cannot. */
  #commands = null;
  /** Resolves to those commands once the map runs, or to null when it will not. */
  #ready;
  #settle;
  /** Ends the running map, its listeners and its theme's. */
  #abort = null;
  #given = null; // showStory's

  constructor() {
    super();
    this.#newReady();
  }

  #newReady() {
    this.#ready = new Promise((ok) => { this.#settle = ok; });
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' });
    this.#start();
  }

  /** Builds the element's content and starts the map with the settings it has now. */
  #start() {
    const root = this.shadowRoot;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS;
    const body = document.createElement('template');
    body.innerHTML = TEMPLATE; // a constant of ours: no data is ever parsed as HTML
    root.replaceChildren(link, body.content.cloneNode(true));
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    const settings = readSettings(this);
    localiseFallback(this, settings.lang);
    // The map's texts are in the reader's language: say so to screen readers and hyphenation.
    root.querySelector('.fl-app').lang = settings.lang;
    // With url-params the element is its page's map (index.html, embed.html): the whole
    // document is in the language the reader asked for. On a host's article it never is.
    if (this.hasAttribute('url-params')) document.documentElement.lang = settings.lang;
    this.dataset.theme = settings.theme; // light, dark or auto, as asked
    followScheme(this, settings.theme, signal);
    showParts(this, settings);
    const settle = this.#settle;
    if (settings.mode === 'static') {
      this.dataset.static = 'true'; // mode="static": the fallback image only, no wasm, no data
      const box = root.getElementById('fl-map'); // an image now, not an application to operate
      for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
      settle(null);
      return;
    }
    settings.data = locate(this, 'data', settings.data, DEFAULT_DATA);
    settings.given = this.#given;
    settings.basemap = locate(this, 'basemap', settings.basemap, DEFAULT_BASEMAP);
    // No basemap named: the one the build made for the story's extent, if any (versioned.js).
    settings.basemapOfStory = !given(this, 'basemap');
    // Load the wasm and the data only when the map nears the viewport, so a page that never
    // shows a map (or a reader who never scrolls down to it) pays nothing.
    whenNear(this, () => {
      if (!supported()) {
        this.dataset.static = 'true'; // the fallback image stays, with its alt text
        settle(null);
        return;
      }
      // The wasm, the story and the basemap come while app.js and its modules load.
      fetchMapModule();
      fetchOwnInputs(settings);
      const inputs = import('./inputs.js').then(({ fetchInputs }) => fetchInputs(settings));
      inputs.catch(() => {}); // app.js reports a failure, when it takes the inputs
      import('./app.js').then(async ({ mount }) => {
        if (signal.aborted) return;
        const commands = await mount(root, this, settings, signal, inputs);
        if (signal.aborted) return;
        this.#commands = commands;
        settle(commands);
      });
    }, '300px', signal);
  }

  /** Stops the map and starts it again from the element's settings (a new `lang` or `data`). */
  #restart() {
    this.#abort?.abort();
    this.#commands = null;
    this.#settle(null);
    this.#newReady();
    for (const name of ['ready', 'static', 'failed']) delete this.dataset[name];
    this.#start();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.shadowRoot || old === value) return;
    if (name === 'data') this.#given = null;
    if (name === 'lang' || name === 'data') this.#restart();
    else if (name === 'at') { if (value !== null) this.setDate(value); }
    else if (name === 'step') { if (value !== null) this.showStep(value); }
    else if (name === 'categories') this.showCategories(value === null ? null : parseList(value));
    else if (name === 'colors') this.#call('setColors', value ?? '');
    else if (name === 'theme') {
      const theme = value ?? 'light';
      if (!THEMES.includes(theme)) { ignored('theme', theme, `not one of ${THEMES.join(', ')}`); return; }
      this.dataset.theme = theme;
      followScheme(this, theme, this.#abort.signal);
      this.dispatchEvent(new Event('fl-scheme')); // the map draws its canvases in the new colours
    } else showParts(this, readSettings(this)); // hide, transparent
  }

  /**
   * Runs command `name` on the map once it runs: resolves to whether it was applied (false,
   * with a console warning, for a bad argument, or when the map cannot run). Never throws.
   */
  #call(name, ...args) {
    return this.#ready.then((commands) => {
      if (!commands) {
        ignored(name, args.map((a) => JSON.stringify(a)).join(', '), 'the live map is not running');
        return false;
      }
      try {
        return commands[name](...args);
      } catch (e) {
        ignored(name, args.map((a) => JSON.stringify(a)).join(', '), e.message ?? String(e));
        return false;
      }
    });
  }

  // The commands a story page gives the map (docs/api.md). Each waits until the map runs and
  // resolves to whether it was applied; a bad argument is ignored with a console warning.

  /** Moves the map to day `isoDate` (`YYYY-MM-DD`, within the story's dates). */
  setDate(isoDate) { return this.#call('setDate', isoDate); }

  /** Plays the story's timeline. */
  play() { return this.#call('play'); }

  /** Pauses the story's timeline. */
  pause() { return this.#call('pause'); }

  /** Shows only the categories `ids` (ids of the story's categories), or all with null. */
  showCategories(ids) { return this.#call('showCategories', ids); }

  /** Highlights stream `id` and shows its details, or lets go of it with null. */
  focusStream(id) { return this.#call('focusStream', id); }

  /** Zooms and pans so that the places `placeIds` fill the map. */
  fitTo(placeIds) { return this.#call('fitTo', placeIds); }

  /** Back to the map as it opened: its first date, categories and view, no stream focused. */
  reset() { return this.#call('reset'); }

  /** Shows story `text` (our JSON) named `file` in place of `data` (docs/api.md). */
  showStory(file, text) {
    this.#given = { file, bytes: new TextEncoder().encode(text) };
    if (this.shadowRoot) this.#restart();
    return this.ready.then(Boolean);
  }

  /** Opens step `n` (from 1) of the story's guided tour and fires `flowlines-step` (steps.js). */
  showStep(n) { return this.#call('showStep', n); }

  /** Opens the tour's next step (the first when none is open). */
  nextStep() { return this.#call('nextStep'); }

  /** Opens the tour's previous step. */
  previousStep() { return this.#call('previousStep'); }

  /** The map's view (date, playing, categories shown, focused stream, extent, zoom), or null before it runs. */
  get view() {
    return this.#commands?.view() ?? null;
  }

  /** Resolves once the map runs, to its view, or to null when it will not run. */
  get ready() {
    return this.#ready.then((commands) => commands?.view() ?? null);
  }
}

/** Sets `data-hide` (the parts hidden) and `data-transparent`, which flowlines.css follows. */
function showParts(host, { hide, transparent }) {
  if (hide.length > 0) host.dataset.hide = hide.join(' ');
  else delete host.dataset.hide;
  if (transparent) host.dataset.transparent = 'true';
  else delete host.dataset.transparent;
}

/**
 * Sets `data-scheme`, the colours flowlines.css draws in: the theme asked for, or with "auto"
 * the reader's prefers-color-scheme, followed as it changes; each change fires `fl-scheme` on
 * the element so that what is drawn on canvases is drawn again.
 */
function followScheme(host, theme, signal) {
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const set = () => { host.dataset.scheme = theme === 'auto' ? (query?.matches ? 'dark' : 'light') : theme; };
  set();
  if (theme !== 'auto') return;
  query?.addEventListener?.('change', () => {
    if (host.dataset.theme !== 'auto') return; // the theme attribute changed since
    set();
    host.dispatchEvent(new Event('fl-scheme'));
  }, { signal });
}

/** The languages the static images are rendered in besides English (tools/build-static.sh). */
const FALLBACK_LANGS = ['ko', 'uk', 'ru'];

/**
 * Gives the fallback image the reader's language where the host asks for it: `data-lang-src`
 * ("static/map-{lang}.svg") names the image in each language, `data-lang-alt`
 * ("static/map-{lang}.txt") a text file with its alt text, read only in that language (so an
 * English reader downloads none of them), or `data-alt-ko` (and -uk, -ru) the text itself.
 * English, or a language with no image, keeps `src` and `alt` as written; so does a text file
 * that does not come.
 */
function localiseFallback(host, lang) {
  const img = host.querySelector(':scope > img[slot="fallback"]');
  const code = langCode(lang);
  if (!img || !FALLBACK_LANGS.includes(code)) return;
  const at = (template) => new URL(template.replace('{lang}', code), document.baseURI).href;
  if (img.dataset.langSrc) img.src = at(img.dataset.langSrc);
  const alt = img.getAttribute(`data-alt-${code}`);
  if (alt) img.alt = alt;
  else if (img.dataset.langAlt) {
    img.dataset.altFor = code; // the language asked last: a text that comes after another is dropped
    fetch(at(img.dataset.langAlt))
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => { if (text.trim() && img.dataset.altFor === code) img.alt = text.trim(); }, () => {});
  }
}

/**
 * Whether this browser has what the live map needs; without it the static image stays, and
 * neither the map's scripts nor its wasm are fetched.
 */
function supported() {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'
    && 'ResizeObserver' in window && 'requestAnimationFrame' in window
    && !!document.createElement('canvas').getContext;
}

// The story and basemap an element without `data` or `basemap` shows: next to this module,
// wherever the host page lives.
const DEFAULT_DATA = new URL('../data/nk-russia.json', import.meta.url).href;
const DEFAULT_BASEMAP = new URL('../data/basemap.bin', import.meta.url).href; // flowlines basemap's compact form

/**
 * The absolute URL of setting `name`: a value the host wrote (an attribute, or the page's URL
 * for an element with `url-params`) resolves against the host page, as an `<img src>` would;
 * no value means our own file, next to this module.
 */
function locate(host, name, value, fallback) {
  return given(host, name) && value ? new URL(value, document.baseURI).href : fallback;
}

/** Whether the host wrote setting `name` (an attribute, or the page's URL with `url-params`). */
function given(host, name) {
  return host.hasAttribute(name)
    || (host.hasAttribute('url-params') && new URL(location.href).searchParams.has(name));
}

if (!customElements.get('flowlines-map')) customElements.define('flowlines-map', FlowlinesMap);
