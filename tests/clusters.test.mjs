// 100,000 flows a reader can read (issue 14 item 6): the benchmark's story of 100,000 flows
// among 3,000 places, drawn clustered in a 1200 x 700 map (www/bench.html?cluster=on, which
// builds the very story tools/bench-story.mjs writes for the reference page, through
// FlowMap.synthetic; as a JSON story it would pass the page's 10 MiB limit). What was drawn
// and labelled is read from the page's own drawing record and the map's columns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const PAGE = '/bench.html?flows=100000&places=3000&seed=42&seconds=1&cluster=on';

/** In the page: what the map drew and the clusters' sizes and labels, from the map itself. */
function drawnNow(page, record) {
  return page.evaluate((record) => {
    const { map } = window.__flowlines;
    return {
      ...record,
      sizes: Array.from(map.cluster_size()),
      xy: Array.from(map.cluster_xy()),
      labels: map.cluster_labels('en'),
      flows: map.cluster_flow_widths().length,
    };
  }, record);
}

/** In the page: a pointer moved to (x, y) over the map, and the time until the tooltip said what is there. */
function hover(page, x, y) {
  return page.evaluate(([x, y]) => {
    const container = document.getElementById('fl-map');
    const tooltip = document.getElementById('fl-tooltip');
    const box = container.getBoundingClientRect();
    const t0 = performance.now();
    container.dispatchEvent(new PointerEvent('pointermove', {
      clientX: box.left + x, clientY: box.top + y, pointerType: 'mouse', bubbles: true,
    }));
    const ms = performance.now() - t0;
    const style = getComputedStyle(tooltip);
    return { ms, shown: !tooltip.hidden, kind: tooltip.dataset.kind, text: tooltip.textContent, background: style.backgroundColor, font: style.fontFamily };
  }, [x, y]);
}

/** Every drawn cluster of several places has its count written in its bubble. */
function assertLabelled(d) {
  const clusters = d.sizes.filter((n) => n > 1).length;
  assert.ok(clusters > 0, 'the map draws clusters');
  for (const i of d.hidden) assert.equal(d.sizes[i], 1, `cluster ${i} of ${d.sizes[i]} places has no label`);
  d.sizes.forEach((n, i) => { if (n > 1) assert.equal(d.labels[i], n.toLocaleString('en-US'), `cluster ${i}'s label`); });
}

test('100,000 flows among 3,000 places: at most 500 routes, every cluster labelled, hovers answered within 100 ms, zooming in splits clusters', { timeout: 90000 }, async () => {
  const { page, context, errors } = await open(env, PAGE, { width: 1280, height: 1000 });
  try {
    await page.waitForFunction(() => window.__flowlines, null, { timeout: 80000, polling: 200 });
    const first = await drawnNow(page, await page.evaluate(() => window.__flowlines.drawn));
    assert.ok(first.routes > 0 && first.routes <= 500, `${first.routes} routes drawn`);
    assert.equal(first.routes, first.flows, 'every flow the core kept is drawn');
    assert.ok(first.clusters < 3000 && first.clusters === first.sizes.length, `${first.clusters} clusters`);
    assertLabelled(first);
    assert.match(first.rest, /^and [\d,]+ smaller flows totalling about .+ containers/, 'the flows not drawn are summed, per unit');

    // Hover over the largest cluster, then over a flow between clusters.
    const big = first.sizes.indexOf(Math.max(...first.sizes));
    const onCluster = await hover(page, first.xy[2 * big], first.xy[2 * big + 1]);
    assert.ok(onCluster.shown && onCluster.kind === 'cluster', JSON.stringify(onCluster));
    assert.match(onCluster.text, new RegExp(`^${first.sizes[big].toLocaleString('en-US')} places: .+ and [\\d,]+ more$`));
    assert.ok(onCluster.ms < 100, `a cluster answered in ${onCluster.ms.toFixed(1)} ms`);
    assert.equal(onCluster.background, 'rgb(255, 255, 255)', 'the tooltip is opaque, as the map\'s is');
    assert.match(onCluster.font, /^system-ui/, 'the tooltip is in the map\'s font');
    const onFlow = await page.evaluate(() => {
      const { map } = window.__flowlines;
      const line = map.cluster_flow_xy();
      for (let f = 0; 4 * f < line.length; f++) {
        const [x, y] = [(line[4 * f] + line[4 * f + 2]) / 2, (line[4 * f + 1] + line[4 * f + 3]) / 2];
        if (map.cluster_hit(x, y, 'en')[0] === 'flow') return [x, y];
      }
      return null;
    });
    assert.ok(onFlow, 'some flow can be pointed at');
    const flow = await hover(page, ...onFlow);
    assert.ok(flow.shown && flow.kind === 'flow', JSON.stringify(flow));
    assert.match(flow.text, /→.*about [\d,.]+ (million )?(containers|troops|barrels|systems)[\d,]+ flows?/);
    assert.ok(flow.ms < 100, `a flow answered in ${flow.ms.toFixed(1)} ms`);

    // Zoom in 4 times about the centre: the clusters now shown held fewer places, and there
    // are more of them than there were over the same part of the map.
    const [x0, x1, y0, y1] = [450, 750, 262.5, 437.5]; // what the centre shows at zoom 4
    const inView = first.sizes.filter((_, i) => first.xy[2 * i] >= x0 && first.xy[2 * i] <= x1
      && first.xy[2 * i + 1] >= y0 && first.xy[2 * i + 1] <= y1);
    const zoomed = await drawnNow(page, await page.evaluate(() => window.__flowlines.zoom(600, 350, 4)));
    const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
    assert.ok(zoomed.sizes.length > inView.length, `${inView.length} clusters, then ${zoomed.sizes.length}`);
    assert.ok(mean(zoomed.sizes) < mean(inView), `${mean(inView).toFixed(1)} places a cluster, then ${mean(zoomed.sizes).toFixed(1)}`);
    assert.ok(zoomed.routes <= 500);
    assertLabelled(zoomed);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
