// A live map of a story with more flows or places than a map can show (issue 14 item 6), loaded
// by app.js only when the core says the story needs clustering, so that no other reader
// downloads it: the map module built with clustering (pkg/flowlines_wasm_clusters.js), which
// reads the story again, and the wiring of the clustered drawing (cluster-layer.js) into the map.
import { drawClusterLayer, attachClusterTooltip } from './cluster-layer.js';
import { versioned } from './versioned.js';

/**
 * Lets go of `handle` (the map module's map of the story, or its parts read from the story
 * worker) and resolves to the map module built with clustering, loaded and started, to read
 * the same story again.
 */
export async function load(handle) {
  handle.free();
  const module = await import('../pkg/flowlines_wasm_clusters.js');
  await module.default({ module_or_path: await versioned(new URL('../pkg/flowlines_wasm_clusters_bg.wasm', import.meta.url)) });
  return module;
}

/**
 * Wires the clustered `map` into its map box `container`: the tooltip `tooltip` answers the
 * pointer with what the core says a cluster or flow holds, in `lang`. Returns `draw(ctx,
 * view)`, which draws the clusters, flows and summed line in place of the static layer and
 * records on the map box what it drew (`data-routes`, `-clusters`, `-places`, `-bubbles`,
 * `-counted`: flows stroked, clusters drawn and the places they hold, the clusters of several
 * places drawn and how many carry their count), for the tests and whoever inspects the page.
 */
export function mountClusters(host, container, tooltip, map, lang) {
  host.dataset.clustered = 'true';
  attachClusterTooltip(container, tooltip, map, lang);
  return {
    draw(ctx, view) {
      const drawn = drawClusterLayer(ctx, map, view);
      for (const key of ['routes', 'clusters', 'places', 'bubbles', 'counted']) container.dataset[key] = drawn[key];
    },
  };
}
