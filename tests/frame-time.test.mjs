// tools/frame-time.mjs, the frame's own timer: it times the page's map module in Node and, with
// --browser, in Chromium, one line per size and module (with --paced too), and says which build
// --place needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ARGS = ['tools/frame-time.mjs', '200', '300', '--runs=1', '--frames=2'];
const LINE = /^(\d+) flows, (\d+) particles, www\/pkg: frame (\d+\.\d\d) ms \(\d+\.\d\d-\d+\.\d\d\)$/;

for (const where of ['node', 'browser']) {
  for (const paced of [false, true]) {
    const name = `in ${where}${paced ? ', each frame timed alone after an idle spell (--paced)' : ''}`;
    test(`${name}, a line per size with the particles drawn and the milliseconds per frame`, { timeout: 120000 }, async () => {
      const { stdout } = await run('node', [...ARGS, ...(where === 'browser' ? ['--browser'] : []), ...(paced ? ['--paced'] : [])]);
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 2, stdout);
      lines.forEach((line, i) => {
        const m = LINE.exec(line);
        assert.ok(m, line);
        assert.equal(Number(m[1]), [200, 300][i]);
        assert.ok(Number(m[2]) > Number(m[1]), `${line}: particles on every moving flow`);
        assert.ok(Number(m[3]) > 0, line);
      });
    });
  }

  test(`in ${where}, --place on the page's build says which build it needs`, { timeout: 120000 }, async () => {
    const args = [...ARGS, '--place', ...(where === 'browser' ? ['--browser'] : [])];
    await assert.rejects(run('node', args), (e) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /--place: www\/pkg has no FlowMap\.frame_positions: build it with the cargo feature testing/);
      return true;
    });
  });
}
