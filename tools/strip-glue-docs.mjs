// Takes the doc comments out of wasm-bindgen's JavaScript glue (www/pkg/NAME.js), which copies
// every Rust doc comment of the exported API into it as a /** ... */ block: about half of the
// map module's glue gzipped (11.4 KB with them, 6.0 KB without, measured on 2 December 2026),
// downloaded by every reader and read by no one. The docs stay in the Rust source and in the
// TypeScript declarations (NAME.d.ts) the npm package ships for editors.
//
//   node tools/strip-glue-docs.mjs FILE...      (tools/build-wasm.sh, after wasm-pack)
//
// Only whole-line blocks are taken out: a line that is `/**` alone, lines that start with `*`,
// and a line that is `*/` alone. Anything else that looks like a doc comment (a block opened
// or closed beside code) fails the build rather than be cut by guess.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** `text` without its whole-line doc blocks; throws on a block it cannot take out whole. */
export function stripDocs(text, file = 'glue') {
  const out = [];
  let open = 0; // the line number a block opened on, 0 outside one
  text.split('\n').forEach((line, i) => {
    if (open) {
      if (/^\s*\*\/$/.test(line)) open = 0;
      else if (!/^\s*\*( |$)/.test(line)) throw new Error(`${file}:${i + 1}: a doc comment line not starting with '*'`);
      return;
    }
    if (/^\s*\/\*\*$/.test(line)) { open = i + 1; return; }
    if (line.includes('/**')) throw new Error(`${file}:${i + 1}: a doc comment beside code`);
    out.push(line);
  });
  if (open) throw new Error(`${file}:${open}: a doc comment never closed`);
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) writeFileSync(file, stripDocs(readFileSync(file, 'utf8'), file));
}
