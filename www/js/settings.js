// The settings of one map: from the element's attributes, then (for a map that owns its page,
// with the `url-params` attribute) from the page's URL, so a link can open the map at a date,
// in a language, with filters and a zoom: the URL wins over the attributes. A value that is
// unknown or impossible is ignored with a console warning (the default stays), never an error
// in place of the map: whether a date exists is the core's rule, asked in app.js (`knownDay`).
//
//   data="stories/x.json"      the story file (basemap= the basemap file)
//   lang="ko"                  the language of names and texts
//   at="2024-10-20"            the day shown first
//   autoplay="false"           start paused (in a URL: `paused`)
//   categories="a,b"           show only these categories (the legend's boxes follow)
//   theme="light|dark|auto"    colours; auto follows the reader's prefers-color-scheme
//   mode="static"              only the static image: no WebAssembly, no data loaded
//   zoom="k,cx,cy"             zoom factor and the view's centre as shares of the map's width
//                              and height (what the map writes into its page's URL)
//   hide="title charts"        parts the host page does without: title (the title and the
//                              summary), summary, legend, charts, downloads, tour (the
//                              guided tour's panel: a host that tells the steps itself)
//   transparent                no background of its own: the host page's shows through
//   colors="munitions:#b30000" category colours of the host's; each must reach 3:1 against
//                              the theme's land and sea (the core's rule), else it is ignored
//   step="3"                   open the story's guided tour at this step (1, 2, …); a step
//                              the story does not have is ignored with a warning (app.js)
//   clock="1"                  freeze the particles at this animation clock (still images)
//   allowed-data="https://cdn.example/stories/ …"
//                              where else than the map's own folder `data` and `basemap` may
//                              load from (an attribute only: never read from the page's URL,
//                              which anyone can write; the rule is in sources.js and the core)

const DEFAULTS = {
  data: 'data/nk-russia.json',
  basemap: 'data/basemap.json',
  lang: null,
  at: null,
  autoplay: true,
  clock: null,
  categories: null,
  theme: 'light',
  mode: 'live',
  zoom: null,
  hide: [],
  transparent: false,
  colors: '',
  step: null,
};

/** The parts `hide` may name (flowlines.css hides each with `:host([data-hide~=…])`). */
export const HIDEABLE = ['title', 'summary', 'legend', 'charts', 'downloads', 'tour'];

export const THEMES = ['light', 'dark', 'auto'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const truthy = (v) => v !== null && v !== 'false' && v !== '0' && v !== 'no';
const FLAGS = ['', 'true', 'false', '1', '0', 'yes', 'no', 'autoplay'];
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** Says on the console that setting `name`'s `value` was ignored, and why. */
export function ignored(name, value, why) {
  console.warn(`flowlines: ignored ${name}="${String(value).slice(0, 80)}": ${why}`);
}

const NOT_A_DATE = 'not a date written YYYY-MM-DD';

/**
 * `value` when it is written YYYY-MM-DD, else null with a warning naming `name`. Whether such
 * a day exists (2024-02-30 does not) is the core's rule, asked in commands.js (`knownDay`).
 */
export function dateWritten(name, value) {
  if (typeof value === 'string' && DATE.test(value)) return value;
  ignored(name, value, NOT_A_DATE);
  return null;
}

/** The parts of `text` (names separated by spaces or commas) that `hide` knows; others warned. */
export function parseHide(text) {
  const names = text.split(/[\s,]+/).filter(Boolean);
  for (const name of names) if (!HIDEABLE.includes(name)) ignored('hide', name, `not one of ${HIDEABLE.join(', ')}`);
  return names.filter((name) => HIDEABLE.includes(name));
}

/** The language part of `lang` ("uk" of "uk-UA"), lower case: how our files name a language. */
export const langCode = (lang) => String(lang || 'en').toLowerCase().split('-')[0];

/** A comma-separated list of ids; `''` is the empty list (no category shown). */
export function parseList(text) {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `k,cx,cy` as three finite numbers, k at least 1; null when it is not that. */
export function parseZoom(text) {
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite) || parts[0] < 1) return null;
  return parts;
}

/** The settings of `host` (a <flowlines-map>), resolved against the page. */
export function readSettings(host, url = new URL(location.href)) {
  const s = { ...DEFAULTS };
  const attr = (name) => host.getAttribute(name);
  const from = (get) => {
    // Each setting present: taken when valid, else ignored with a warning.
    const take = (name, valid, set, why) => {
      const v = get(name);
      if (v === null) return;
      if (valid(v)) set(v); else ignored(name, v, why);
    };
    take('data', () => true, (v) => { s.data = v; });
    take('basemap', () => true, (v) => { s.basemap = v; });
    take('lang', (v) => LANG.test(v), (v) => { s.lang = v; }, 'not a language code');
    take('at', (v) => DATE.test(v), (v) => { s.at = v; }, NOT_A_DATE);
    take('autoplay', (v) => FLAGS.includes(v), (v) => { s.autoplay = truthy(v); }, 'not true or false');
    if (get('paused') !== null) s.autoplay = false;
    take('clock', (v) => v.trim() !== '' && Number.isFinite(Number(v)), (v) => { s.clock = Number(v); }, 'not a number');
    take('categories', () => true, (v) => { s.categories = parseList(v); });
    take('theme', (v) => THEMES.includes(v), (v) => { s.theme = v; }, `not one of ${THEMES.join(', ')}`);
    take('mode', (v) => v === 'static' || v === 'live', (v) => { s.mode = v; }, 'not static or live');
    take('step', (v) => /^[1-9]\d{0,3}$/.test(v), (v) => { s.step = Number(v); }, 'not a step number (1, 2, …)');
    take('zoom', (v) => parseZoom(v) !== null, (v) => { s.zoom = parseZoom(v); }, 'not three numbers k,cx,cy with k at least 1');
    take('hide', () => true, (v) => { s.hide = parseHide(v); });
    take('transparent', (v) => FLAGS.includes(v), (v) => { s.transparent = truthy(v); }, 'not true or false');
    take('colors', () => true, (v) => { s.colors = v; });
  };
  from(attr);
  if (host.hasAttribute('url-params')) from((name) => url.searchParams.get(name));
  s.lang = s.lang ?? (host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en');
  s.playing = s.autoplay;
  s.allowed = allowedData(host);
  return s;
}

/**
 * The host page's allow-list: the `allowed-data` attribute's URLs (separated by spaces or
 * commas; relative ones against the page) as absolute URLs. Never from the page's URL.
 */
export function allowedData(host) {
  const out = [];
  for (const entry of (host.getAttribute('allowed-data') ?? '').split(/[\s,]+/).filter(Boolean)) {
    try { out.push(new URL(entry, document.baseURI).href); } catch { ignored('allowed-data', entry, 'not a URL'); }
  }
  return out;
}

/**
 * The categories to show: `asked` (a list, or null for all) without the ids the story does
 * not have (`known`), each ignored with a warning; null (all) when none of those asked is known.
 */
export function knownCategories(asked, known) {
  if (asked === null) return null;
  const kept = asked.filter((id) => known.includes(id));
  for (const id of asked) if (!known.includes(id)) ignored('categories', id, 'no such category in the story');
  return kept.length === 0 && asked.length > 0 ? null : kept;
}
