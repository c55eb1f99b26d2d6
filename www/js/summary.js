// What the map shows now, in words, for readers who cannot see it: a text the core writes from
// the data (the day, each visible flow with its figure, those with no figure), in an ARIA live
// region. It is written again when the day or the filters change, never every frame: once the
// reader stops moving the timeline, and at most every two seconds while it plays.

/** While playing, write at most this often, in milliseconds. */
export const PLAYING_EVERY_MS = 2000;
/** When the reader moves the timeline or a filter, wait this long for them to settle. */
export const SETTLE_MS = 400;

/**
 * Decides when something that follows the day and filters is due: `changed()` after a filter
 * or view change, `due(day, playing)` each frame says whether to write now.
 */
export function pacer() {
  let lastDay = NaN;
  let pending = true;
  let changedAt = -Infinity;
  let writtenAt = -Infinity;
  return {
    changed() { pending = true; changedAt = performance.now(); },
    due(day, playing) {
      const d = Math.floor(day);
      if (d !== lastDay) {
        if (!Number.isNaN(lastDay)) changedAt = performance.now();
        lastDay = d;
        pending = true;
      }
      if (!pending) return false;
      const now = performance.now();
      const ready = playing ? now - writtenAt >= PLAYING_EVERY_MS : now - changedAt >= SETTLE_MS;
      if (ready) { pending = false; writtenAt = now; }
      return ready;
    },
  };
}

/**
 * Fills `region` (an element with aria-live="polite") with `map`'s summary in `lang`. Returns
 * `{changed(), update(day, playing)}`: call `changed()` when filters change, `update` each frame.
 */
export function mountSummary(region, map, lang) {
  const pace = pacer();
  return {
    changed: pace.changed,
    update(day, playing) {
      if (!pace.due(day, playing)) return;
      const text = map.summary_now(lang);
      if (region.textContent !== text) region.textContent = text; // the same words are not said twice
    },
  };
}
