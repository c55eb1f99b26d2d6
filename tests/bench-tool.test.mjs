// tools/bench.mjs, the map benchmark's driver: `--json` prints one object per size and page
// with the figures issue 10 names, and `--rounds=N` gives each figure as the median of N
// rounds, keeping every round's own figure, and ends the table with ours over the reference's
// (script per frame, static layer, first frame).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { quantile } from '../www/bench/measure.js';

const run = promisify(execFile);
const ARGS = ['tools/bench.mjs', '200', '--places=50', '--seconds=0.3'];
const FIGURES = ['flows', 'particles', 'intervalMedianMs', 'intervalP95Ms', 'scriptMedianMs', 'coreMedianMs',
  'staticLayerMs', 'firstFrameMs'];

/** The median by the nearest rank, as the pages take theirs. */
const median = (values) => quantile(values, 0.5);

test('--json with two rounds prints each page once, every figure the median of its rounds', { timeout: 180000 }, async () => {
  const { stdout } = await run('node', [...ARGS, '--rounds=2', '--json'], { maxBuffer: 1 << 24 });
  const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(rows.map((r) => r.page), ['reference', 'flowlines']);
  for (const r of rows) {
    for (const key of FIGURES) assert.equal(typeof r[key], 'number', `${r.page}: ${key}`);
    assert.equal(r.flows, 200);
    assert.equal(r.rounds, 2);
    for (const key of ['scriptMedianMs', 'firstFrameMs', 'staticLayerMs']) {
      assert.equal(r.perRound[key].length, 2, `${r.page}: ${key} round by round`);
      assert.equal(r[key], median(r.perRound[key]), `${r.page}: ${key} is the median of its rounds`);
    }
  }
});

test('the table ends with our script time, static layer and first frame over the reference\'s', { timeout: 120000 }, async () => {
  const { stdout } = await run('node', ARGS, { maxBuffer: 1 << 24 });
  const last = stdout.trim().split('\n').slice(-3);
  for (const [line, label] of last.map((line, i) => [line, ['script', 'static layer', 'first frame'][i]])) {
    assert.match(line, new RegExp(`^${label}, ours / reference\\s+\\d+\\.\\d\\d$`));
  }
});

test('with rounds, each ratio is the median of the rounds\' and their range', { timeout: 180000 }, async () => {
  const { stdout } = await run('node', [...ARGS, '--rounds=2'], { maxBuffer: 1 << 24 });
  const last = stdout.trim().split('\n').slice(-3);
  for (const line of last) {
    const m = /^(.+), ours \/ reference \(median, range\)\s+(\d+\.\d\d) \((\d+\.\d\d)-(\d+\.\d\d)\)$/.exec(line);
    assert.ok(m, line);
    const [low, mid, high] = [m[3], m[2], m[4]].map(Number);
    assert.ok(low <= mid && mid <= high, line);
  }
});
