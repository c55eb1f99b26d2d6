// The development server (tools/serve.mjs) serves www/ and what its links point to, nothing
// else: not the repository around it, not through encoded separators or `..`, and not to a
// page that reached it under another host name (DNS rebinding); gzipped and over HTTP/2 as
// tools/embed-latency.mjs asks, by the same rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:http2';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { localCertificate, serve } from '../tools/serve.mjs';

let server;
let port;
before(async () => { server = await serve(0); port = server.address().port; });
after(() => new Promise((ok) => server.close(ok)));

/** GETs the raw `path` (sent exactly as written) with `host` as the Host header: the status. */
function get(path, host = `127.0.0.1:${port}`) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
    });
    req.on('error', fail);
    req.end();
  });
}

test('the page, its modules and the story behind the data link are served', async () => {
  assert.equal(await get('/'), 200);
  assert.equal(await get('/js/app.js'), 200);
  assert.equal(await get('/data/nk-russia.json?v=1'), 200);
  assert.equal(await get('/data/fixtures/bad-story.json'), 200);
});

test('encoded separators and dot segments never reach a file outside www', async () => {
  for (const path of [
    '/..%2f.git%2fconfig', '/..%2F..%2FCargo.toml', '/%2e%2e/Cargo.toml', '/data%2f..%2f..%2fMakefile',
    '/..%5cCargo.toml', '/../Cargo.toml', '/data/../../Makefile', '/js/..%2f..%2ftools/serve.mjs',
    '/index.html%00.js',
  ]) {
    assert.equal(await get(path), 400, path);
  }
});

test('files of the repository outside www are not found, nor hidden files', async () => {
  for (const path of ['/Cargo.toml', '/tools/serve.mjs', '/crates/flowlines-core/src/lib.rs', '/.git/config', '/data/.git']) {
    assert.notEqual(await get(path), 200, path);
  }
});

test('only requests for 127.0.0.1 or localhost are answered', async () => {
  assert.equal(await get('/', `localhost:${port}`), 200);
  assert.equal(await get('/', 'LOCALHOST'), 200);
  for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.attacker.example:${port}`, 'localhost.attacker.example']) {
    assert.equal(await get('/', host), 403, host);
  }
});

test('gzipped when asked, a file reads back as it is on disk, the second time too', async () => {
  const zipping = await serve(0, '127.0.0.1', { gzip: true });
  try {
    const at = zipping.address().port;
    const fetchOnce = () => new Promise((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: at, path: '/js/app.js', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end();
    });
    const disk = readFileSync(new URL('../www/js/app.js', import.meta.url));
    for (let i = 0; i < 2; i++) {
      const { encoding, body } = await fetchOnce();
      assert.equal(encoding, 'gzip');
      assert.deepEqual(gunzipSync(body), disk);
    }
  } finally {
    await new Promise((ok) => zipping.close(ok));
  }
});

test('over HTTP/2 the same rules hold: the page is served, another host name refused', async (t) => {
  let tls;
  try {
    tls = localCertificate();
  } catch {
    t.skip('no openssl to make a certificate with');
    return;
  }
  const secure = await serve(0, '127.0.0.1', { tls });
  const client = connect(`https://127.0.0.1:${secure.address().port}`, { rejectUnauthorized: false });
  const status = (path, authority) => new Promise((ok, fail) => {
    const req = client.request({ ':path': path, ...(authority ? { ':authority': authority } : {}) });
    req.on('response', (headers) => ok(headers[':status']));
    req.on('error', fail);
    req.resume();
    req.end();
  });
  try {
    assert.equal(await status('/js/app.js'), 200);
    assert.equal(await status('/..%2fCargo.toml'), 400);
    assert.equal(await status('/', 'attacker.example'), 403);
  } finally {
    client.close();
    await new Promise((ok) => secure.close(ok));
  }
});
