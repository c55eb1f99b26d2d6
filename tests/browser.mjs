// Shared set-up of the browser tests: our own server on a free port and Debian's Chromium,
// driven by playwright-core (never a downloaded browser), with every request recorded.
import { chromium } from 'playwright-core';
import { serve } from '../tools/serve.mjs';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/**
 * Starts the server and the browser; `close()` stops both. `root`: the folder served in place
 * of www/; `gzip`: whether the server gzips what it sends; `tls`: a key and certificate to serve
 * over HTTP/2 with (tools/serve.mjs), which the pages opened then take without asking.
 */
export async function start({ root, gzip, tls } = {}) {
  const server = await serve(0, '127.0.0.1', { root, gzip, tls });
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    origin,
    browser,
    secure: Boolean(tls),
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens `path` in a new context of `width` by `height` CSS pixels and records its console
 * errors (and uncaught exceptions), its console warnings and every request it makes.
 * `initScript` runs in the page before its own scripts; `bypassCSP` ignores the page's
 * Content-Security-Policy (for tests that inject scripts).
 */
export async function open(env, path, {
  width = 1000, height = 700, javaScriptEnabled = true, bypassCSP = false, initScript,
} = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height }, deviceScaleFactor: 1, javaScriptEnabled, bypassCSP,
    ignoreHTTPSErrors: env.secure, // our own certificate, made for the run (tools/embed-latency.mjs)
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.origin + path);
  return { page, errors, warnings, requests, context };
}

/** Waits until the map has drawn its first frame. */
export async function ready(page) {
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.ready === 'true', null, { timeout: 20000 });
}
