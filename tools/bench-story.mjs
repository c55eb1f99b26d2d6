// Writes the map benchmark's synthetic story as plain arrays for the plain-JavaScript
// reference page (www/bench/reference.html), unless the file is already there:
//   node tools/bench-story.mjs [--flows=1000] [--places=300] [--seed=42] [--day=2024-01-01]
// The arrays come from the core itself (crates/flowlines-cli/examples/bench_story.rs, over
// flowlines_core::synthetic::synthetic_story and the scene at that day), so the reference
// draws the very story our map draws. Files go to www/bench/data/ (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'www', 'bench', 'data');

/** The story file's path under www/bench/, as the reference page asks for it. */
export function storyPath({ flows, places, seed, day }) {
  return `data/synthetic-${places}-${flows}-${seed}-${day}.json`;
}

/** Writes the story file for these parameters if it is missing; resolves to its full path. */
export function ensureStory({ flows = 1000, places = 300, seed = 42, day = '2024-01-01' } = {}) {
  const file = join(ROOT, 'www', 'bench', storyPath({ flows, places, seed, day }));
  if (existsSync(file)) return file;
  mkdirSync(DIR, { recursive: true });
  execFileSync('cargo', [
    'run', '-q', '-p', 'flowlines-cli', '--example', 'bench_story', '--',
    String(places), String(flows), String(seed), day, file,
  ], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` } });
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const opts = {};
  for (const arg of process.argv.slice(2)) {
    const m = /^--(flows|places|seed|day)=(.+)$/.exec(arg);
    if (!m) {
      console.error('usage: node tools/bench-story.mjs [--flows=N] [--places=N] [--seed=N] [--day=YYYY-MM-DD]');
      process.exit(2);
    }
    opts[m[1]] = m[1] === 'day' ? m[2] : Number(m[2]);
  }
  console.log(ensureStory(opts));
}
