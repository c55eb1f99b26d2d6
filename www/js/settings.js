// The settings of one map: from the element's attributes, then (for a map that owns its page)
// from the page's URL, so a link can open the map at a date, in a language, with filters.

const DEFAULTS = {
  data: 'data/nk-russia.json',
  basemap: 'data/basemap.json',
  lang: null,
  at: null,
  autoplay: true,
  clock: null,
};

const truthy = (v) => v !== null && v !== 'false' && v !== '0' && v !== 'no';

/** The settings of `host` (a <flowlines-map>), resolved against the page. */
export function readSettings(host, url = new URL(location.href)) {
  const s = { ...DEFAULTS };
  const attr = (name) => host.getAttribute(name);
  const from = (get) => {
    if (get('data') !== null) s.data = get('data');
    if (get('basemap') !== null) s.basemap = get('basemap');
    if (get('lang') !== null) s.lang = get('lang');
    if (get('at') !== null) s.at = get('at');
    if (get('autoplay') !== null) s.autoplay = truthy(get('autoplay'));
    if (get('paused') !== null) s.autoplay = false;
    if (get('clock') !== null) s.clock = Number(get('clock'));
  };
  from(attr);
  if (host.hasAttribute('url-params')) from((name) => url.searchParams.get(name));
  s.lang = s.lang ?? (host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en');
  s.playing = s.autoplay;
  return s;
}
