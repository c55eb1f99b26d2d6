// The iframe embed under the resize scripts newsrooms' host pages already run: pym.js's Parent,
// @newswire/frames and an AMP-style `embed-size` listener. Each host page is on another origin
// than the embed (a server of host pages on a second port), as on a news site; at 360
// and 1200 px the iframe grows to exactly its document's height, so nothing scrolls or clips.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { start } from './browser.mjs';

let env; // the embed's origin
let hosts; // the host pages' server: /<host>.html, and /vendor/ from www/examples/vendor/
let hostOrigin;
before(async () => {
  env = await start();
  const vendor = new URL('../www/examples/vendor/', import.meta.url);
  hosts = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const name = decodeURIComponent(path.slice(1, -'.html'.length));
    if (path.startsWith('/vendor/') && /^[\w.-]+\.js$/.test(path.slice(8))) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(await readFile(new URL(path.slice(8), vendor)));
    } else if (path.endsWith('.html') && HOSTS[name]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta name="viewport" content="width=device-width">
        <style>body { margin: 0 }</style><title>host</title>${HOSTS[name](EMBED())}`);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => hosts.listen(0, '127.0.0.1', ok));
  hostOrigin = `http://127.0.0.1:${hosts.address().port}`;
});
after(async () => {
  await env.close();
  await new Promise((ok) => hosts.close(ok));
});

const EMBED = () => `${env.origin}/embed.html?at=2024-10-20&paused&clock=1`;

/** The host pages, each a newsroom's way of embedding `src`; their scripts from www/examples/vendor/. */
const HOSTS = {
  'pym.js': (src) => `<div id="map"></div>
    <script src="vendor/pym.v1.min.js"></script>
    <script>new pym.Parent('map', ${JSON.stringify(src)}, { title: 'Map' });</script>`,
  '@newswire/frames': (src) => `<div id="map" data-frame-src="${src}" data-frame-attribute-title="Map"></div>
    <script type="module">
      import { autoInitFrames } from './vendor/frames.module.js';
      autoInitFrames();
    </script>`,
  'an AMP embed-size listener': (src) => `<iframe id="map" title="Map" src="${src}" scrolling="no"
      frameborder="0" width="100%" height="300"></iframe>
    <script>
      const frame = document.getElementById('map');
      window.addEventListener('message', (e) => {
        if (e.source !== frame.contentWindow || e.origin !== new URL(frame.src).origin) return;
        if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') frame.height = e.data.height;
      });
    </script>`,
};

for (const name of Object.keys(HOSTS)) {
  for (const width of [360, 1200]) {
    test(`under ${name} at ${width} px, the iframe is as tall as its document`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`${hostOrigin}/${encodeURIComponent(name)}.html`);
      const iframe = tab.locator('#map iframe, iframe#map').first();
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.ready === 'true', null, { timeout: 20000 });
      assert.equal(new URL(frame.url()).origin, env.origin, 'the embed is on another origin than its host');
      // The iframe's viewport (its height as the host set it) equals the document's height.
      await frame.waitForFunction(() => Math.abs(window.innerHeight
        - Math.ceil(document.documentElement.getBoundingClientRect().height)) <= 1, null, { timeout: 10000 })
        .catch(() => {});
      const { viewport, content, scroll } = await frame.evaluate(() => ({
        viewport: window.innerHeight,
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
      }));
      assert.ok(content > 650, `the map and its charts: ${content} px`);
      assert.ok(Math.abs(viewport - content) <= 1, `the iframe is ${viewport} px tall, its document ${content} px`);
      assert.ok(scroll <= viewport, `nothing to scroll inside the iframe: ${scroll} > ${viewport}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
