// Serves www/ on 127.0.0.1, as `make serve` and the browser tests do, with the right MIME types
// (application/wasm included) and nothing else: no directory listings, no paths outside www/.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { extname, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  '.woff2': 'font/woff2',
};

/**
 * The Content-Security-Policy a strict host page may set, and that the embed examples are
 * served with: nothing but our own origin, no inline script or style; WebAssembly compiles.
 */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data: blob:; connect-src 'self'";

/** Whether the page at `path` is served with CSP: `csp` true for every page, false for none,
 * by default the embed and the example host pages (or every page with FLOWLINES_CSP=1). */
function strict(path, csp) {
  if (!path.endsWith('.html')) return false;
  if (csp === undefined && process.env.FLOWLINES_CSP === '1') return true;
  if (csp !== undefined) return csp;
  return path === '/embed.html' || path.startsWith('/examples/');
}

/**
 * Starts the server on `port` (0 picks a free one); resolves to the server once listening.
 * `options.csp`: see strict() above.
 */
export function serve(port = 8000, host = '127.0.0.1', { csp } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(WWW, '.' + path);
      const real = await realpath(file);
      // www/data links to data/: files may live anywhere inside the project, nowhere else.
      if (!real.startsWith(ROOT + '/')) throw new Error('outside');
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(real)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(strict(path, csp) ? { 'Content-Security-Policy': CSP } : {}),
      });
      createReadStream(real).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8000);
  serve(port).then((s) => console.log(`flowlines: serving www/ on http://127.0.0.1:${s.address().port}/`));
}
