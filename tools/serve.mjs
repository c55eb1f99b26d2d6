// Serves www/ on 127.0.0.1, as `make serve` and the browser tests do, with the right MIME types
// (application/wasm included) and nothing else: no directory listings, nothing outside www/ but
// what a link directly in www/ points to (www/data -> ../data), no hidden files, no encoded
// separators or `..` in a path, and no answer to a request for another Host than 127.0.0.1 or
// localhost (so a DNS-rebinding page on another name cannot read it from the reader's machine).
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { stat, realpath, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const WWW = join(ROOT, 'www');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The Content-Security-Policy a strict host page may set, and that the embed examples are
 * served with: nothing but our own origin, no inline script or style; WebAssembly compiles.
 */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Whether the page at `path` is served with CSP: `csp` true for every page, false for none,
 * by default the embed and the example host pages (or every page with FLOWLINES_CSP=1). */
function strict(path, csp) {
  if (!path.endsWith('.html')) return false;
  if (csp === undefined && process.env.FLOWLINES_CSP === '1') return true;
  if (csp !== undefined) return csp;
  return path === '/embed.html' || path.startsWith('/examples/');
}

/** The Host headers the server answers: 127.0.0.1 or localhost, with any port. */
const LOCAL_HOST = /^(127\.0\.0\.1|localhost)(:\d{1,5})?$/i;

/**
 * Whether a request's raw path (before any decoding) may be served: no encoded `/`, `\`, `.`
 * or NUL, no backslash, no `..` or hidden (`.name`) segment.
 */
export function safePath(raw) {
  const path = raw.split('?')[0];
  if (/%(2f|5c|2e|00)/i.test(path) || path.includes('\\')) return false;
  return !path.split('/').some((segment) => segment.startsWith('.'));
}

/** The real folders files may come from: `top` (www/) and the target of each link directly in it. */
async function roots(top) {
  const base = await realpath(top);
  const found = [base];
  for (const entry of await readdir(base, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) found.push(await realpath(join(base, entry.name)).catch(() => base));
  }
  return found;
}

/** Files a server sends gzipped when asked (`options.gzip`): all but images already compressed. */
const GZIPPED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.bin', '.txt']);

/** Files gzipped once (level 9) by path, with the size and time of the version gzipped. */
const zippedFiles = new Map();

/**
 * File `real` (as `info` gives it) gzipped at level 9, made once per version of it: as a CDN
 * sends it, compressed ahead, so that compressing is not timed with the page that asks.
 */
async function gzipped(real, info) {
  const key = `${info.size} ${info.mtimeMs}`;
  const kept = zippedFiles.get(real);
  if (kept?.key === key) return kept.bytes;
  const bytes = gzipSync(await readFile(real), { level: 9 });
  zippedFiles.set(real, { key, bytes });
  return bytes;
}

/**
 * A key and a self-signed certificate for 127.0.0.1 (PEM), made for one run by Debian's
 * `openssl` and thrown away after it: the `tls` option below (tools/embed-latency.mjs
 * `--http=2`, tests/serve.test.mjs). Throws when there is no `openssl`.
 */
export function localCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'flowlines-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the server on `port` (0 picks a free one); resolves to the server once listening.
 * `options.csp`: see strict() above. `options.root`: the folder served in place of www/, with
 * the same rules (the published package, target/npm/flowlines, for `make weight`).
 * `options.gzip`: send text, wasm and our binary files gzipped (level 9) to a client that
 * accepts it, as a newsroom's server does (tools/embed-latency.mjs); off by default.
 * `options.tls`: `{key, cert}` (PEM) to answer over HTTP/2 and TLS, as a newsroom's CDN does,
 * in place of plain HTTP/1.1 (tools/embed-latency.mjs `--http=2`).
 */
export function serve(port = 8000, host = '127.0.0.1', { csp, root = WWW, gzip = false, tls } = {}) {
  const allowed = roots(root);
  const answer = async (req, res) => {
    const refuse = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text + '\n');
    };
    // HTTP/2 names the host in `:authority`.
    const named = req.headers.host ?? req.headers[':authority'] ?? '';
    if (!LOCAL_HOST.test(named)) return refuse(403, 'this server answers only 127.0.0.1 and localhost');
    if (!safePath(req.url)) return refuse(400, 'bad path');
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, '.' + path);
      const real = await realpath(file);
      if (!(await allowed).some((top) => real.startsWith(top + sep))) throw new Error('outside');
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      const zipped = gzip && GZIPPED.has(extname(real)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(real)] ?? 'application/octet-stream',
        ...(zipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': info.size }),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(strict(path, csp) ? { 'Content-Security-Policy': CSP } : {}),
      });
      if (zipped) res.end(await gzipped(real, info));
      else createReadStream(real).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: false }, answer) : createServer(answer);
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8000);
  serve(port).then((s) => console.log(`flowlines: serving www/ on http://127.0.0.1:${s.address().port}/`));
}
