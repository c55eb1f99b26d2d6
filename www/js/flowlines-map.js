// <flowlines-map>: the live map as a custom element, in its own shadow root so that the host
// page's styles do not reach in and ours do not leak out. Its light-DOM children (a static
// image with `slot="fallback"`) show while the map loads and wherever it cannot run.
//
//   <script type="module" src=".../js/flowlines-map.js"></script>
//   <flowlines-map data="data/nk-russia.json" lang="ko" at="2024-10-13"></flowlines-map>
import { readSettings } from './settings.js';
import { whenNear } from './near.js';

const CSS = new URL('../css/flowlines.css', import.meta.url).href;

const TEMPLATE = `
<div class="fl-app">
  <h1 class="fl-title" id="fl-title"></h1>
  <p class="fl-summary" id="fl-summary"></p>
  <div class="fl-stage">
    <div class="fl-map" id="fl-map" tabindex="0" role="application"
         aria-label="Map of flows. Arrow keys pan, plus and minus zoom, 0 resets the view.">
      <slot name="fallback"></slot>
      <canvas class="fl-layer" id="fl-static" aria-hidden="true"></canvas>
      <canvas class="fl-layer" id="fl-particles" aria-hidden="true"></canvas>
      <div class="fl-inset" id="fl-inset" aria-hidden="true" hidden><canvas class="fl-layer" id="fl-inset-static"></canvas></div>
      <div class="fl-zoom" id="fl-zoom">
        <button type="button" id="fl-zoom-in" aria-label="Zoom in">+</button>
        <button type="button" id="fl-zoom-out" aria-label="Zoom out">−</button>
        <button type="button" id="fl-reset">Reset</button>
      </div>
      <div class="fl-tooltip" id="fl-tooltip" role="status" hidden></div>
    </div>
    <aside class="fl-legend" id="fl-legend" aria-label="Legend and filters"></aside>
  </div>
  <div class="fl-controls">
    <button type="button" id="fl-play" aria-pressed="true">Pause</button>
    <div class="fl-timeline">
      <input type="range" id="fl-time" min="0" max="1" step="1" value="0" aria-label="Date">
      <div class="fl-events" id="fl-events"></div>
    </div>
    <output id="fl-date" for="fl-time"></output>
  </div>
  <div class="fl-export" id="fl-export">
    <span>Download:</span>
    <button type="button" id="fl-export-png">Image (PNG)</button>
    <button type="button" id="fl-export-svg">Image (SVG)</button>
    <button type="button" id="fl-export-csv">Data (CSV)</button>
  </div>
  <p class="fl-caveat" id="fl-caveat"></p>
  <div class="fl-now" id="fl-now" aria-live="polite"></div>
  <details class="fl-table" id="fl-table"></details>
  <section class="fl-charts" id="fl-charts" aria-label="The story over time"></section>
  <div class="fl-errors" id="fl-errors" role="alert" hidden></div>
</div>`;

export class FlowlinesMap extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS;
    const body = document.createElement('template');
    body.innerHTML = TEMPLATE; // a constant of ours: no data is ever parsed as HTML
    root.append(link, body.content.cloneNode(true));
    const settings = readSettings(this);
    localiseFallback(this, settings.lang);
    // The map's texts are in the reader's language: say so to screen readers and hyphenation.
    root.querySelector('.fl-app').lang = settings.lang;
    // With url-params the element is its page's map (index.html, embed.html): the whole
    // document is in the language the reader asked for. On a host's article it never is.
    if (this.hasAttribute('url-params')) document.documentElement.lang = settings.lang;
    this.dataset.theme = settings.theme; // light, dark or auto, as asked
    followScheme(this, settings.theme);
    if (settings.mode === 'static') {
      this.dataset.static = 'true'; // mode="static": the fallback image only, no wasm, no data
      const box = root.getElementById('fl-map'); // an image now, not an application to operate
      for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
      return;
    }
    settings.data = locate(this, 'data', settings.data, DEFAULT_DATA);
    settings.basemap = locate(this, 'basemap', settings.basemap, DEFAULT_BASEMAP);
    // Load the wasm and the data only when the map nears the viewport, so a page that never
    // shows a map (or a reader who never scrolls down to it) pays nothing.
    whenNear(this, () => import('./app.js').then(({ supported, mount }) => {
      if (!supported()) {
        this.dataset.static = 'true'; // the fallback image stays, with its alt text
        return;
      }
      mount(root, this, settings);
    }));
  }
}

/**
 * Sets `data-scheme`, the colours flowlines.css draws in: the theme asked for, or with "auto"
 * the reader's prefers-color-scheme, followed as it changes; each change fires `fl-scheme` on
 * the element so that what is drawn on canvases is drawn again.
 */
function followScheme(host, theme) {
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const set = () => { host.dataset.scheme = theme === 'auto' ? (query?.matches ? 'dark' : 'light') : theme; };
  set();
  if (theme !== 'auto') return;
  query?.addEventListener?.('change', () => {
    set();
    host.dispatchEvent(new Event('fl-scheme'));
  });
}

/** The languages the static images are rendered in besides English (tools/build-static.sh). */
const FALLBACK_LANGS = ['ko', 'uk', 'ru'];

/**
 * Gives the fallback image the reader's language where the host asks for it: `data-lang-src`
 * ("static/map-{lang}.svg") names the image in each language, `data-alt-ko` (and -uk, -ru) its
 * text. English, or a language with no image, keeps `src` and `alt` as written.
 */
function localiseFallback(host, lang) {
  const img = host.querySelector(':scope > img[slot="fallback"]');
  const code = String(lang || 'en').toLowerCase().split('-')[0];
  if (!img || !FALLBACK_LANGS.includes(code)) return;
  const template = img.dataset.langSrc;
  if (template) img.src = new URL(template.replace('{lang}', code), document.baseURI).href;
  const alt = img.getAttribute(`data-alt-${code}`);
  if (alt) img.alt = alt;
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
  const given = host.hasAttribute(name)
    || (host.hasAttribute('url-params') && new URL(location.href).searchParams.has(name));
  return given && value ? new URL(value, document.baseURI).href : fallback;
}

if (!customElements.get('flowlines-map')) customElements.define('flowlines-map', FlowlinesMap);
