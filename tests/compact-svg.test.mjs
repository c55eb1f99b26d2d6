// The fallback image's compact SVG (tools/compact-svg.mjs) draws the same pixels as the SVG
// `flowlines render` writes, in far fewer bytes: the image every reader of the embed downloads
// while the map loads (issue 10, item 3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.mjs';
import { apart, compactSvg, pathData } from '../tools/compact-svg.mjs';

let browser;
let dir;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  dir = mkdtempSync(join(tmpdir(), 'flowlines-svg-'));
});
after(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * How many pixels differ between SVG texts `a` and `b` drawn by Chromium at 1200 x 630, and
 * by how many levels (0 to 255) of a colour channel at most: `{ count, most }`.
 */
async function differing(a, b) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  const n = await page.evaluate(async ([a, b]) => {
    const draw = async (src) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(src)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 630;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, 1200, 630).data;
    };
    const [pa, pb] = [await draw(a), await draw(b)];
    let count = 0;
    let most = 0;
    for (let i = 0; i < pa.length; i += 4) {
      let d = 0;
      for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(pa[i + c] - pb[i + c]));
      if (d > 0) count++;
      most = Math.max(most, d);
    }
    return { count, most };
  }, [a, b]);
  await page.close();
  return n;
}

test('a polyline\'s points become relative path data, a polygon\'s closed with z', () => {
  assert.equal(pathData('203,372 186,415 195,419 ', false), 'M203 372l-17 43 9 4');
  assert.equal(pathData('10,10 20,10 20,20 10,10 ', true), 'M10 10l10 0 0 10-10-10z');
  assert.equal(pathData('1.5,2 3,4', false), null, 'fractional points are kept as they are');
});

test('consecutive lines of one opaque stroke become one path, each moved to from the last one\'s end', () => {
  const svg = '<svg width="10" height="10">\n'
    + '<polyline fill="none" stroke="#000" stroke-width="1" points="1,1 3,1 "/>\n'
    + '<polyline fill="none" stroke="#000" stroke-width="1" points="5,1 7,2 "/>\n'
    + '<polyline fill="none" opacity="0.5" stroke="#000" stroke-width="1" points="1,5 3,5 "/>\n'
    + '<polyline fill="none" opacity="0.5" stroke="#000" stroke-width="1" points="5,5 7,5 "/>\n</svg>\n';
  const out = compactSvg(svg);
  assert.match(out, /<path d="M1 1l2 0m2 0l2 1"\/>/);
  assert.equal((out.match(/<path /g) ?? []).length, 3, 'translucent lines this close stay apart: where their paint meets it blends twice');
});

test('consecutive translucent lines join one path only where their paint cannot meet (a dashed route\'s dashes)', () => {
  const svg = '<svg width="40" height="10">\n'
    + '<polyline fill="none" opacity="0.4" stroke="#000" stroke-width="2" points="1,5 3,5 "/>\n'
    + '<polyline fill="none" opacity="0.4" stroke="#000" stroke-width="2" points="8,5 10,5 "/>\n'
    + '<polyline fill="none" opacity="0.4" stroke="#000" stroke-width="2" points="12,5 14,5 "/>\n</svg>\n';
  const out = compactSvg(svg);
  assert.match(out, /<g fill="none" stroke-opacity="0.4" stroke="#000" stroke-width="2">\n<path d="M1 5l2 0m5 0l2 0"\/>\n<path d="M12 5l2 0"\/>/,
    'five pixels apart they join; two apart the third starts a path of its own');
  assert.ok(apart([0, 0, 10, 0], [[0, 5, 10, 5]], 2), 'five pixels between lines 2 wide');
  assert.ok(!apart([0, 0, 10, 10], [[0, 10, 10, 0]], 2), 'crossing lines are not apart');
  assert.ok(!apart([0, 0, 5, 0, 5, 5], [[9, 0, 9, 5]], 2), 'a join\'s miter may reach further than a line\'s side');
});

test('consecutive filled dots of one size become one path of round-capped zero-length strokes', () => {
  const svg = '<svg width="10" height="10">\n'
    + '<circle cx="1" cy="1" r="3" opacity="0.45" fill="#6B6B72" stroke="none"/>\n'
    + '<circle cx="5" cy="-2" r="3" opacity="0.45" fill="#6B6B72" stroke="none"/>\n'
    + '<circle cx="5" cy="5" r="2.5" fill="#000"/>\n</svg>\n';
  const out = compactSvg(svg);
  assert.match(out, /<g fill="none" stroke="#6B6B72" stroke-width="6" stroke-linecap="round" stroke-opacity="0.45">\n<path d="M1 1h0m4-3h0"\/>/);
  assert.match(out, /<circle cx="5" cy="5" r="2.5"\/>/, 'a dot of a fractional size stays a circle');
  assert.equal((compactSvg(svg, { joinDots: false }).match(/<circle /g) ?? []).length, 3);
});

for (const lang of ['en', 'ko']) {
  test(`the compact fallback SVG draws the rendered one's pixels in ${lang} (two levels off at most along joined lines, three where dots' soft edges touch), and weighs far less`, async () => {
    const file = join(dir, `map-${lang}.svg`);
    execFileSync('./target/debug/flowlines', ['render', 'data/nk-russia.json', '--at', '2025-06-30', '--lang', lang, '--out', file, '--width', '1200', '--height', '630']);
    const rendered = readFileSync(file, 'utf8');
    // Every rewrite but the dots: where two joined lines of one stroke meet, one path's
    // anti-aliased edge is worked out once, where two elements' were laid one over the other:
    // a level off, in a few pixels. A translucent dashed route's dashes joined in one path are
    // anti-aliased by Chromium's rasteriser as one shape: up to two levels off along their edges
    // (154 pixels in English, 5 December 2026), though no two dashes' paint meets.
    const apart = await differing(compactSvg(rendered, { joinDots: false }), rendered);
    assert.ok(apart.most <= 2, `a pixel differs by ${apart.most} levels`);
    assert.ok(apart.count <= 1200 * 630 * 0.0015, `${apart.count} pixels differ`);
    // The dots joined: where two translucent dots' soft edges touch, one path lays their cover
    // once, where two circles laid it twice.
    const compact = compactSvg(rendered);
    const { count, most } = await differing(compact, rendered);
    assert.ok(most <= 3, `a pixel differs by ${most} levels`);
    assert.ok(count <= 1200 * 630 * 0.01, `${count} pixels differ`);
    console.log(`${lang}: dots joined, ${count} pixels differ (at most ${most} levels); ${apart.count} without`);
    const gz = (s) => gzipSync(s, { level: 9 }).length;
    assert.ok(gz(compact) < gz(rendered) * 0.6, `${gz(compact)} of ${gz(rendered)} bytes gzipped`);
  });
}
