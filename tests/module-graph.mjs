// What a page of www/ preloads and what its modules import, read from the files themselves:
// the tests that hold a page's <link rel="modulepreload"> list to the modules it runs first.
import { readFileSync } from 'node:fs';

/** The paths of the modules `www/PAGE` preloads (`<link rel="modulepreload">`), e.g. `/js/app.js`. */
export function preloadedModules(page) {
  const html = readFileSync(new URL(`../www/${page}`, import.meta.url), 'utf8');
  return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => `/${href}`);
}

/**
 * The modules `entries` (paths under www/, e.g. `/js/app.js`) and every module they import in
 * turn, by path (`import … from`, static imports only: a module imported with `import()` loads
 * later).
 */
export function staticImports(entries) {
  const found = new Set();
  const visit = (path) => {
    if (found.has(path)) return;
    found.add(path);
    const text = readFileSync(new URL(`../www${path}`, import.meta.url), 'utf8');
    for (const [, spec] of text.matchAll(/^import\b[^;]*?from '([^']+)';/gms)) {
      visit(new URL(spec, `http://x${path}`).pathname);
    }
  };
  for (const path of entries) visit(path);
  return found;
}
