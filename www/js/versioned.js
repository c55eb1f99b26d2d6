// Our files (the wasm modules, the story, the basemap) carry a content hash in their URLs, from
// the manifest tools/build-manifest.mjs writes, so a cache never hides an update. The manifest
// also lists the compact form of each of our stories in each language, which the build writes
// after validating the story (`flowlines compact`), so that a reader downloads only the texts
// of the language they read.

import { langCode } from './settings.js';

const ROOT = new URL('../', import.meta.url);
/** The map module's wasm file. */
const MAP_WASM = new URL('pkg/flowlines_wasm_bg.wasm', ROOT);
let hashes;
let mapWasmAsked = false;

/** The manifest: path under www/ to a short sha256; `{}` when there is none. */
function manifest() {
  hashes ??= fetch(new URL('manifest.json', ROOT))
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return hashes;
}

/** The hash the manifest lists for URL `u` when it is one of our own files, else undefined. */
async function ownHash(u) {
  const hash = (await manifest())[u.pathname.slice(ROOT.pathname.length)];
  return u.origin === ROOT.origin && u.pathname.startsWith(ROOT.pathname) ? hash : undefined;
}

/** `url` resolved against the host page, with `?v=<hash>` when the manifest lists it. */
export async function versioned(url) {
  const u = new URL(url, document.baseURI);
  const hash = await ownHash(u);
  if (hash && !u.search) u.searchParams.set('v', hash);
  return u.href;
}

/**
 * The files the map of `settings` (settings.js, with `data`, `given`, `basemap`,
 * `basemapOfStory` and `lang` filled in by flowlines-map.js) reads: `storyAt`, the story's
 * (its compact form in the reader's language, or `settings.data`), and `dataAt`, `basemapAt`
 * and `wordsAt`, the story's, basemap's and words' as fetched (versioned; no words for English).
 */
export async function inputUrls(settings) {
  const { data, lang, given } = settings; // given: showStory's, not fetched
  // The basemap the host named, else the one built for this story's extent (or the default's).
  const basemap = settings.basemapOfStory ? await basemapUrl(data, settings.basemap) : settings.basemap;
  const storyAt = given ? data : await storyUrl(data, lang);
  const [dataAt, basemapAt, wordsAt] = await Promise.all([versioned(storyAt), versioned(basemap), wordsUrl(lang)]);
  return { storyAt, dataAt, basemapAt, wordsAt };
}

/** Responses to our own files asked for before their reader loaded, by URL, until taken. */
const askedEarly = new Map();
/** The asking of `fetchMapModule` and `fetchOwnInputs`, which a taker waits for, so that no
 * file is asked for twice. */
let asking = Promise.resolve();

/** Asks now for each of `urls` (a promise of them, nulls left out) that is one of our own files. */
function askEarly(urls) {
  const asked = urls.then((list) => {
    for (const url of list) if (url && !askedEarly.has(url)) askedEarly.set(url, askOwn(url));
  });
  asking = Promise.all([asking, asked.catch(() => {})]); // its reader asks again for what this could not
}

/** The response asked for early for `url`, handed over once (then forgotten), or undefined. */
async function takeEarly(url) {
  await asking;
  const early = askedEarly.get(url);
  askedEarly.delete(url);
  return early;
}

/** Whether `url` is one of our own files as `versioned` gives it: under our folder, with its hash. */
async function isOwn(url) {
  const u = new URL(url, document.baseURI);
  const hash = await ownHash(u);
  return Boolean(hash) && u.search === `?v=${hash}`;
}

/** The response to `url` asked for now when it is one of our own files (`isOwn`), else null. */
function askOwn(url) {
  const asked = isOwn(url).then((yes) => (yes ? fetch(url) : null));
  asked.catch(() => {}); // a failure is reported by whoever reads the response (sources.js)
  return asked;
}

/**
 * Asks now for those of the files the map of `settings` reads that are our own (`isOwn`):
 * flowlines-map.js calls this beside `fetchMapModule` as a map nears the viewport, so that the
 * default story, basemap and words come with the wasm, not once inputs.js and the module's
 * glue have loaded (a round trip later) and the module has started.
 */
export function fetchOwnInputs(settings) {
  askEarly(inputUrls(settings).then(({ dataAt, basemapAt, wordsAt }) => [settings.given ? null : dataAt, basemapAt, wordsAt]));
}

/**
 * The response to `url` (a promise) when it is one of our own files (`isOwn`): the one
 * `fetchOwnInputs` asked for, handed over once, else asked for now; null for any other file,
 * which is asked for only once the core's rule allows it (sources.js). The rule still checks
 * our own before the map reads them.
 */
export function fetchOwn(url) {
  const taken = takeEarly(url).then((early) => early ?? askOwn(url));
  taken.catch(() => {});
  return taken;
}

/**
 * Asks for the map module's wasm file (versioned) now, the first time only: flowlines-map.js
 * calls this as a map nears the viewport, so that the manifest and the file come while
 * app.js and the modules it imports still load, not once they all have (two round trips
 * later). A map started again (a new language) finds the module running and asks for nothing.
 */
export function fetchMapModule() {
  if (mapWasmAsked) return;
  mapWasmAsked = true;
  askEarly(versioned(MAP_WASM).then((url) => [url]));
}

/**
 * The map module's wasm as the glue's `init` takes it: the response `fetchMapModule` asked
 * for, handed over once (a failed start, started again, asks anew), else the versioned URL.
 */
export async function mapModule() {
  const url = await versioned(MAP_WASM);
  return (await takeEarly(url)) ?? url;
}

/**
 * The versioned URL of the map module's words in `lang` (`words/<lang>.bin`, written by
 * `flowlines words`: the module carries English alone), or null when the manifest lists none
 * for that language (English, or a language the map does not speak: it reads in English).
 */
export async function wordsUrl(lang) {
  const file = `words/${langCode(lang)}.bin`;
  return (await manifest())[file] ? versioned(new URL(file, ROOT)) : null;
}

/**
 * Whether `bytes`, fetched from `url`, are one of the stories the build wrote in the binary
 * compact form, unchanged: `url` is under our `compact/` folder as `versioned` gives it, and the
 * bytes' sha256 begins with the hash the manifest lists. The build validated that story before
 * writing it (`flowlines compact`), so the map module reads it without validating it again
 * (`FlowMap.from_validated_bytes`); any other story goes to the second module first. False
 * where the page cannot hash (`crypto.subtle` is only in secure contexts: https, localhost).
 */
export async function isBuiltStory(url, bytes) {
  const u = new URL(url, document.baseURI);
  if (!u.pathname.startsWith(`${ROOT.pathname}compact/`) || !(await isOwn(url)) || !globalThis.crypto?.subtle) return false;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.startsWith(u.searchParams.get('v'));
}

/**
 * The URL to load story `url` from for a reader of `lang`: the binary compact form the build
 * wrote (`compact/<name>.<lang>.bin`, texts in that language and English only) when `url` is one of
 * our own story files (under `data/`; names are unique across its folders, as for the basemaps)
 * and the manifest lists that form, else `url` itself. The two read the same in that language.
 */
export async function storyUrl(url, lang) {
  const u = new URL(url, document.baseURI);
  const code = langCode(lang);
  const name = u.pathname.split('/').pop().replace(/\.json$/, '');
  const compact = `compact/${name}.${code}.bin`;
  const own = u.origin === ROOT.origin && u.pathname.startsWith(`${ROOT.pathname}data/`) && u.pathname.endsWith('.json') && !u.search;
  if (own && (await manifest())[compact]) return new URL(compact, ROOT).href;
  return u.href;
}

/**
 * The basemap for story `url` when the host names none: the one the build wrote for that story's
 * extent (`basemaps/<name>.bin`, `flowlines basemap --story`) when `url` is one of our own files
 * and the manifest lists it, else `fallback` (the default story's, `data/basemap.bin`).
 */
export async function basemapUrl(url, fallback) {
  const u = new URL(url, document.baseURI);
  const name = u.pathname.split('/').pop().replace(/\.json$/, '');
  const own = u.origin === ROOT.origin && u.pathname.startsWith(`${ROOT.pathname}data/`) && !u.search;
  const file = `basemaps/${name}.bin`;
  if (own && (await manifest())[file]) return new URL(file, ROOT).href;
  return fallback;
}
