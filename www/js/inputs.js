// What a map reads before it can draw: the map module started, then the story, the basemap
// and the module's words in the reader's language, each asked for as soon as it may be: our
// own files with the module, any other once the module's rule allows it.
// flowlines-map.js starts this as the map nears the viewport, beside app.js and the modules it
// imports, so that the files come while those still load rather than once they have all run
// (a round trip later); app.js's `run()` takes the result.

import init from '../pkg/flowlines_wasm.js';
import { checkSource, fetchAllowed } from './sources.js';
import { inputUrls, isBuiltStory, mapModule, fetchOwn } from './versioned.js';

const bytes = async (response) => new Uint8Array(await response.arrayBuffer());

/**
 * Starts the map module and fetches what the map of `settings` (settings.js, with `data`,
 * `given`, `basemap`, `basemapOfStory`, `lang` and `allowed` filled in by flowlines-map.js)
 * reads. Resolves to `{storyAt, data, built, basemap, wordsFile}`: the URL the story came from
 * (its compact form in the reader's language, or `settings.data`), its bytes (`given.bytes` for
 * showStory's), whether they are a story the build wrote, unchanged (`isBuiltStory`), the
 * basemap's bytes (null when it could not be fetched) and the words' (null
 * for English or when missing). Rejects with the core's refusal, or `url: status`, when the
 * story may not load or the server says no.
 */
export async function fetchInputs(settings) {
  const { storyAt, dataAt, basemapAt, wordsAt } = await inputUrls(settings);
  // Our own files come without waiting for the module (asked for as the map neared, by
  // flowlines-map.js, or now): the story and basemap when they are ours, and the words.
  const dataAsked = settings.given ? null : fetchOwn(dataAt);
  const basemapAsked = fetchOwn(basemapAt);
  const words = wordsAt && fetchOwn(wordsAt).then((r) => (r?.ok ? bytes(r) : null)).catch(() => null);
  // The module first: it says which files may load (sources.js), before any other is asked for
  // and before any is read.
  await init({ module_or_path: await mapModule() });
  await Promise.all([checkSource(dataAt, settings.allowed), checkSource(basemapAt, settings.allowed)]);
  const [data, basemap, wordsFile] = await Promise.all([
    // As bytes: our own story comes in the binary compact form (FlowMap.from_validated_bytes),
    // and bytes cross into the module in one copy.
    settings.given?.bytes ?? fetchAllowed(dataAt, settings.allowed, dataAsked).then(bytes),
    fetchAllowed(basemapAt, settings.allowed, basemapAsked).then(bytes).catch(() => null),
    words,
  ]);
  const built = !settings.given && (await isBuiltStory(dataAt, data));
  return { storyAt, data, built, basemap, wordsFile };
}
