// Helpers of the responsive and settings tests: a page of our own that embeds <flowlines-map>
// with given attributes (served under the test server's origin, so nothing leaves 127.0.0.1),
// points on flows, and colours read off the map's canvases.
import { PNG } from 'pngjs';

/** Opens a page whose body is `body` (markup with a <flowlines-map>), in a new context. */
export async function openHtml(env, body, { width = 1000, height = 700, context: options = {}, path = '/embed-test.html' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...options });
  const url = env.origin + path;
  await context.route(url, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/css/page.css">
<script type="module" src="/js/flowlines-map.js"></script></head>
<body><main class="page">${body}</main></body></html>`,
  }));
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests, context };
}

/** A new context (with `options`, e.g. touch) and page at `path`, recording errors. */
export async function openWith(env, path, { width, height, ...options }) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.origin + path);
  return { page, errors, context };
}

/**
 * In the page: a point (page coordinates) on a stream with claims (the one titled `title`, or
 * any) at `date`, with the map's own layout and view, where the hit does not change within
 * `margin` px around. Null when there is none.
 */
export async function pointOn(page, { title = null, date = '2024-10-20', margin = 6 } = {}) {
  return page.evaluate(async ({ title, date, margin }) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    const map = FlowMap.from_validated_bytes('nk-russia.en.bin', new Uint8Array(await (await fetch('/compact/nk-russia.en.bin')).arrayBuffer()));
    const root = document.querySelector('flowlines-map').shadowRoot;
    const box = root.getElementById('fl-map').getBoundingClientRect();
    const zoom = root.getElementById('fl-zoom').getBoundingClientRect();
    map.set_controls_size(zoom.width, zoom.height); // as the page frames its map
    map.resize(box.width, box.height, 1);
    const [zx, zy] = [zoom.left - box.left, zoom.top - box.top];
    map.set_day(FlowMap.day_of(date));
    // Copies of the views: the loop calls the map again.
    const columns = map.frame_columns();
    const [xy, offsets] = [columns.route_xy.slice(), columns.route_offsets.slice()];
    for (let s = 0; s + 1 < offsets.length; s++) {
      const details = map.stream_details(s, 'en');
      if (!details || !details.claims.length || (title && details.title !== title)) continue;
      for (let i = offsets[s] + 2; i < offsets[s + 1] - 2; i++) {
        const [x, y] = [xy[2 * i], xy[2 * i + 1]];
        if (x > zx - 8 && x < zx + zoom.width + 8 && y > zy - 8 && y < zy + zoom.height + 8) continue; // clear of the zoom buttons
        const hit = map.hit(x, y);
        if (!hit || hit.kind !== 'stream' || hit.index !== s) continue;
        const steady = [[margin, 0], [-margin, 0], [0, margin], [0, -margin]].every(([dx, dy]) => {
          const h = map.hit(x + dx, y + dy);
          return !h || (h.kind === 'stream' && h.index === s);
        });
        if (steady) return { x: box.left + x, y: box.top + y, title: details.title };
      }
    }
    return null;
  }, { title, date, margin });
}

/** In the page: how many pixels of canvas `id` are within `tolerance` of colour `hex`. */
export async function pixelsOfColour(page, id, hex, tolerance = 24) {
  return page.evaluate(({ id, hex, tolerance }) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = document.querySelector('flowlines-map').shadowRoot.getElementById(id);
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) < tolerance && Math.abs(data[i + 1] - g) < tolerance
        && Math.abs(data[i + 2] - b) < tolerance) n++;
    }
    return n;
  }, { id, hex, tolerance });
}

/** Moves the timeline to `date` as a reader dragging the slider would. */
export async function setDate(page, date) {
  await page.evaluate((date) => {
    const input = document.querySelector('flowlines-map').shadowRoot.getElementById('fl-time');
    const [y, m, d] = date.split('-').map(Number);
    input.value = String(Math.round(Date.UTC(y, m - 1, d) / 86400000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, date);
}

/** The relative luminance (0 to 255) of the pixel at (`x`, `y`) of a PNG screenshot. */
export function luminanceAt(png, x, y) {
  const img = PNG.sync.read(png);
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return 0.2126 * img.data[i] + 0.7152 * img.data[i + 1] + 0.0722 * img.data[i + 2];
}
