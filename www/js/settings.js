// The settings of one map: from the element's attributes, then (for a map that owns its page,
// with the `url-params` attribute) from the page's URL, so a link can open the map at a date,
// in a language, with filters and a zoom: the URL wins over the attributes.
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
//   clock="1"                  freeze the particles at this animation clock (still images)

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
};

export const THEMES = ['light', 'dark', 'auto'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const truthy = (v) => v !== null && v !== 'false' && v !== '0' && v !== 'no';

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
    if (get('data') !== null) s.data = get('data');
    if (get('basemap') !== null) s.basemap = get('basemap');
    if (get('lang') !== null) s.lang = get('lang');
    if (get('at') !== null && DATE.test(get('at'))) s.at = get('at');
    if (get('autoplay') !== null) s.autoplay = truthy(get('autoplay'));
    if (get('paused') !== null) s.autoplay = false;
    if (get('clock') !== null && Number.isFinite(Number(get('clock')))) s.clock = Number(get('clock'));
    if (get('categories') !== null) s.categories = parseList(get('categories'));
    if (THEMES.includes(get('theme'))) s.theme = get('theme');
    if (get('mode') !== null) s.mode = get('mode') === 'static' ? 'static' : 'live';
    if (get('zoom') !== null) s.zoom = parseZoom(get('zoom')) ?? s.zoom;
  };
  from(attr);
  if (host.hasAttribute('url-params')) from((name) => url.searchParams.get(name));
  s.lang = s.lang ?? (host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en');
  s.playing = s.autoplay;
  return s;
}
