// Where a map may load its story and basemap from, so that a link cannot make a newsroom's
// map show another story (`embed.html?data=https://anywhere.example/x.json`, a `data:` URL)
// or other borders (`basemap=`). The rule is the core's (`FlowMap.check_source`,
// crates/flowlines-core/src/source.rs): a file under the map's own folder, or on the
// publisher's allow-list. This module gathers what the rule needs: the folder, the host page's
// `allowed-data` attribute (settings.js reads it, never from the page's URL) and the deployed
// `allowed-data.json` next to embed.html, asked for only when a file is not already allowed.
import { FlowMap } from '../pkg/flowlines_wasm.js';

/** The map's own folder: where embed.html, js/ and data/ are deployed. */
const HOME = new URL('../', import.meta.url);
/** The publisher's deployed list: `{"allowed-data": ["https://cdn.example/stories/", …]}`. */
const DEPLOYED = new URL('allowed-data.json', HOME);
let deployed;

/** `entries` (URLs, relative ones against `base`) as absolute URLs; unparsable ones left out. */
export function absolute(entries, base) {
  const out = [];
  for (const entry of entries) {
    try { out.push(new URL(entry, base).href); } catch { /* not a URL: allows nothing */ }
  }
  return out;
}

/** The deployed allow-list, fetched once; empty when there is none. */
function deployedList() {
  deployed ??= fetch(DEPLOYED, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {}))
    .then((json) => absolute(Array.isArray(json['allowed-data']) ? json['allowed-data'] : [], DEPLOYED))
    .catch(() => []);
  return deployed;
}

/** Throws the core's refusal unless `url` may load, with `allowed` the host page's list. */
export async function checkSource(url, allowed) {
  try {
    FlowMap.check_source(url, HOME.href, allowed);
  } catch {
    FlowMap.check_source(url, HOME.href, [...allowed, ...await deployedList()]);
  }
}

/**
 * The response for `url` once the rule allows it, and allows where a redirect ended too (read
 * it with `.text()` or `.arrayBuffer()`): what `asked` resolves to, when one of our own files
 * was asked for before the rule could be asked (versioned.js's `fetchOwn`), else fetched now.
 * Throws the refusal, or `url: status` when the server says no.
 */
export async function fetchAllowed(url, allowed, asked = null) {
  await checkSource(url, allowed);
  const response = (await asked) ?? (await fetch(url));
  if (response.redirected) await checkSource(response.url, allowed);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response;
}
