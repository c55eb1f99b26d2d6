// Minifies the scripts and styles of the published package (target/npm/flowlines/,
// tools/build-package.sh): every module under js/ and pkg/ (the element's and wasm-bindgen's
// glue), the classic embed-host.js and the style sheets under css/, in place, each with a source
// map beside it (NAME.map, the original text inside) so that a newsroom's developer tools still
// show the source. What a newsroom serves is what readers download: the element's comments were
// about two fifths of the first frame's JavaScript gzipped (issue 10, item 3). The sources in
// www/ stay as they are, and `make serve` serves them unminified. The pages (embed.html) lose
// their comments.
//
//   node tools/minify-package.mjs DIR      (tools/build-package.sh, after copying)
//
// terser (npm), made for the job: comments and whitespace out and local names shortened, one
// module a file as before (no bundling, the imports and exports untouched). Nothing is
// rewritten beyond that (`compress` stays off: it bought 0.2 KB of 22 gzipped, measured on
// 4 December 2026) and class names are kept (the element's name in developer tools). csso
// (npm) for the style sheets, comments and whitespace only (`restructure` off: no rule moves).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';

/** What terser does with a module (`module: true`: strict, top-level names are the file's own). */
export const MODULE = {
  module: true,
  compress: false,
  mangle: { keep_classnames: true },
  format: { comments: false },
};

/** What terser does with a classic script: its top-level names are the page's, so they stay. */
export const SCRIPT = { ...MODULE, module: false, mangle: { keep_classnames: true, toplevel: false } };

/**
 * `source` (the text of file `name`) minified with `options`: `{code, map}`, the code ending in
 * a `sourceMappingURL` comment naming `name.map`. Throws on a syntax error, naming the file.
 */
export async function minifyFile(source, name, options = MODULE) {
  try {
    const out = await minify({ [name]: source }, {
      ...options,
      sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
    });
    return { code: out.code, map: out.map };
  } catch (e) {
    throw new Error(`${name}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ''}`);
  }
}

/**
 * Style sheet `source` (the text of file `name`) minified: `{code, map}`, the code ending in a
 * `sourceMappingURL` comment naming `name.map`.
 */
export function minifyStyle(source, name) {
  const out = minifyCss(source, { filename: name, restructure: false, sourceMap: true });
  out.map.setSourceContent(name, source);
  return { code: `${out.css}\n/*# sourceMappingURL=${name}.map */`, map: out.map.toString() };
}

/**
 * Page `html` without its comments (those on lines of their own go with their line): notes
 * for whoever reads the source, which every reader of the embed would otherwise download.
 */
export function pageWithoutComments(html) {
  return html.replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*\n/gm, '').replace(/<!--[\s\S]*?-->/g, '');
}

/** The scripts of package folder `dir`, with the options each is minified with. */
export function scriptsOf(dir) {
  const found = [];
  for (const sub of ['js', 'pkg']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder).sort()) {
      if (f.endsWith('.js')) found.push([join(folder, f), MODULE]);
    }
  }
  const host = join(dir, 'embed-host.js');
  if (existsSync(host)) found.push([host, SCRIPT]);
  return found;
}

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node tools/minify-package.mjs DIR');
  let before = 0;
  let after = 0;
  const styles = existsSync(join(dir, 'css')) ? readdirSync(join(dir, 'css')).filter((f) => f.endsWith('.css')).sort() : [];
  const jobs = [
    ...scriptsOf(dir).map(([file, options]) => [file, (text) => minifyFile(text, basename(file), options)]),
    ...styles.map((f) => [join(dir, 'css', f), (text) => minifyStyle(text, f)]),
  ];
  for (const [file, shrink] of jobs) {
    const source = readFileSync(file, 'utf8');
    const { code, map } = await shrink(source);
    writeFileSync(file, code);
    writeFileSync(`${file}.map`, map);
    before += source.length;
    after += code.length;
  }
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    const file = join(dir, page);
    const source = readFileSync(file, 'utf8');
    const code = pageWithoutComments(source);
    writeFileSync(file, code);
    before += source.length;
    after += code.length;
  }
  console.log(`minify-package: ${jobs.length} scripts and style sheets and ${pages.length} pages, ${(before / 1024).toFixed(1)} -> ${(after / 1024).toFixed(1)} KB (raw), each with a source map`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => { console.error(`minify-package: ${e.message}`); process.exit(1); });
}
