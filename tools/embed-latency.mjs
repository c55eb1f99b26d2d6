// How soon a reader far from the server sees the map: loads the published package's embed.html
// in headless Chromium (Debian's, as the browser tests do) with every request delayed by an
// emulated round trip (Chromium's network emulation: `--latency` ms, 10 Mbit/s down, 5 up)
// and prints, per load and as the median, the milliseconds from navigation start to the map's
// first frame (`data-ready`). Each round trip the page's scripts wait for before asking for the
// next file (a module, the manifest, the wasm, the story) costs one latency: this is the figure
// that shows them. The server gzips what it sends, as a newsroom's does (`--gzip=off`: not).
//
// `--http=2` serves it over HTTP/2 and TLS, as a newsroom's CDN does, with a key and certificate
// made for the run by Debian's `openssl`; by default plain HTTP/1.1, where Chromium opens at most
// six connections to a server and a page of many files waits for them.
//
//   node tools/embed-latency.mjs [--latency=100] [--rounds=5] [--gzip=on|off] [--http=1|2] [--root=target/npm/flowlines]
import { existsSync } from 'node:fs';
import { start, open } from '../tests/browser.mjs';
import { localCertificate } from './serve.mjs';
import { PACKAGE } from './weight.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const latency = Number(arg('latency', 100));
const rounds = Number(arg('rounds', 5));
const root = arg('root', PACKAGE);
const gzip = arg('gzip', 'on') !== 'off';
const http2 = arg('http', '1') === '2';
if (!existsSync(`${root}/embed.html`)) throw new Error(`${root}/embed.html is missing: run make package first`);

const env = await start({ root, gzip, tls: http2 ? localCertificate() : undefined });
const times = [];
try {
  for (let r = 0; r < rounds; r++) {
    const { page, context } = await open(env, '/manifest.json');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8,
    });
    await page.goto(`${env.origin}/embed.html`);
    await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.ready === 'true', null, { timeout: 60000, polling: 10 });
    const [at, protocol] = await page.evaluate(() => [performance.now(), performance.getEntriesByType('navigation')[0].nextHopProtocol]);
    if (protocol !== (http2 ? 'h2' : 'http/1.1')) throw new Error(`embed.html came over ${protocol}`);
    times.push(at);
    await context.close();
  }
} finally {
  await env.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${root}/embed.html, ${http2 ? 'HTTP/2' : 'HTTP/1.1'}, ${latency} ms a round trip, 10 Mbit/s, ${gzip ? 'gzipped' : 'not gzipped'}: first frame at ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[sorted.length >> 1].toFixed(0)} ms`);
