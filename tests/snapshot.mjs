// Pixel snapshots: a screenshot is compared with a committed PNG, pixel by pixel with
// pixelmatch, and may differ in at most a stated share of its pixels (anti-aliasing and text
// rendering vary a little). `UPDATE_SNAPSHOTS=1` writes the snapshot instead of comparing.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SNAPSHOTS = join(HERE, 'snapshots');
/** Colour distance (0 to 1) under which two pixels count as the same. */
export const PIXEL_THRESHOLD = 0.1;
/** Share of pixels that may differ before a snapshot fails: 0.5 %. */
export const MAX_DIFF_SHARE = 0.005;

/** Compares two PNG buffers; returns the share of pixels that differ (1 if sizes differ). */
export function diffShare(actualPng, expectedPng) {
  const a = PNG.sync.read(actualPng);
  const b = PNG.sync.read(expectedPng);
  if (a.width !== b.width || a.height !== b.height) return 1;
  const differing = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  return differing / (a.width * a.height);
}

/** Checks `png` against snapshot `name`; returns {share, ok}. */
export function matchSnapshot(png, name) {
  const file = join(SNAPSHOTS, `${name}.png`);
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) {
    if (!process.env.UPDATE_SNAPSHOTS) throw new Error(`no snapshot ${file}: run with UPDATE_SNAPSHOTS=1 once`);
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, png);
    return { share: 0, ok: true };
  }
  const share = diffShare(png, readFileSync(file));
  return { share, ok: share <= MAX_DIFF_SHARE };
}

/** A copy of `png` with a filled rectangle painted over it (to prove a changed image fails). */
export function alter(png, { x, y, width, height, rgba = [255, 0, 255, 255] }) {
  const img = PNG.sync.read(png);
  for (let j = y; j < Math.min(img.height, y + height); j++) {
    for (let i = x; i < Math.min(img.width, x + width); i++) {
      const k = (j * img.width + i) * 4;
      [img.data[k], img.data[k + 1], img.data[k + 2], img.data[k + 3]] = rgba;
    }
  }
  return PNG.sync.write(img);
}
