// The reader's view (day, categories shown, zoom) kept in the page's URL, for a map with the
// `url-params` attribute, so that a copied link opens the same view; and the colour theme.
//
// The zoom travels as `zoom=k,cx,cy`: the zoom factor and the centre of the view as shares of
// the map's width and height, so a link opens on the same part of the map on a phone as on the
// desktop it was copied from: the core reads and sets it so (FlowMap.view_shares and
// FlowMap.set_view_shares, the arithmetic in flowlines_core::view).

import { shownCategories, allCategoriesShown } from './legend.js';

/** Look at the view and rewrite the URL at most this often (history.replaceState is throttled by browsers). */
const WRITE_EVERY_MS = 400;

const round = (x, digits) => String(Number(x.toFixed(digits)));

/**
 * The page's URL `href` with the view written into it: `at` and `paused` when the timeline is
 * paused (a playing map leaves `at` as it is and drops `paused`), `categories` (the ones shown)
 * when any is hidden, `zoom` when zoomed in. Other parameters are kept as they are.
 */
export function withView(href, { day, paused, categories, zoom }) {
  const url = new URL(href);
  const params = url.searchParams;
  if (paused) params.set('at', day); else params.delete('paused');
  const own = [];
  if (paused) { params.delete('paused'); own.push('paused'); }
  params.delete('categories');
  if (categories) own.push(`categories=${categories.map(encodeURIComponent).join(',')}`);
  params.delete('zoom');
  if (zoom && zoom[0] > 1.0005) own.push(`zoom=${round(zoom[0], 3)},${round(zoom[1], 4)},${round(zoom[2], 4)}`);
  // Commas and a bare `paused` read better in a shared link than %2C and `paused=`.
  const query = [params.toString(), ...own].filter(Boolean).join('&');
  url.search = query ? `?${query}` : '';
  return url.href;
}

/**
 * Keeps the view of the map in `host` in the page's URL. `tick(now)` is called every frame and
 * looks at most every WRITE_EVERY_MS; it writes only when the view changed. `legend` is the
 * legend's root (its category boxes say what is shown).
 */
export function keepInUrl({ host, map, timeline, legend, label }) {
  if (!host.hasAttribute('url-params')) return { tick() {} };
  let lastLook = -Infinity;
  let written = location.href;
  return {
    tick(now) {
      if (now - lastLook < WRITE_EVERY_MS) return;
      lastLook = now;
      const shown = shownCategories(legend);
      const href = withView(location.href, {
        day: label(timeline.day),
        paused: !timeline.playing,
        categories: allCategoriesShown(legend) ? null : shown,
        zoom: map.view_shares(),
      });
      if (href === written || href === location.href) { written = href; return; }
      history.replaceState(history.state, '', href);
      written = href;
    },
  };
}

/**
 * Calls `changed()` when the map's colours change: with `theme="auto"`, when the reader's colour
 * scheme does, or the `theme` attribute (flowlines-map.js sets the new colours first, then
 * tells), until `signal` aborts.
 */
export function watchTheme(host, changed, signal) {
  host.addEventListener('fl-scheme', changed, { signal });
}
