// The map's words in the reader's language. Every fixed text the shell shows comes from the
// core's catalog (crates/flowlines-core/src/i18n.rs, handed over by `FlowMap.ui_text`), always
// asked for in one form, `words.t(KEY, ...values)` with KEY a quoted literal, so that
// tests/i18n.test.mjs can find every key the shell uses and check that each language has it.

export class Words {
  /** `catalog` is the object `FlowMap.ui_text(lang)` returns; `lang` its language code. */
  constructor(catalog, lang) {
    this.catalog = catalog;
    this.lang = lang;
  }

  /** The text of `key` with each `{}` replaced by the next of `values`; the key itself if missing. */
  t(key, ...values) {
    const template = this.catalog[key] ?? key;
    let i = 0;
    return template.replace(/\{\}/g, () => String(values[i++] ?? ''));
  }
}

/**
 * Gives the element's fixed texts their words: buttons, labels and the names assistive
 * technology reads. `$` finds an element of the shadow root by id.
 */
export function labelControls($, words) {
  const text = (id, value) => { const e = $(id); if (e) e.textContent = value; };
  const label = (id, value) => { const e = $(id); if (e) e.setAttribute('aria-label', value); };
  label('fl-map', words.t('map_label'));
  label('fl-zoom-in', words.t('zoom_in'));
  label('fl-zoom-out', words.t('zoom_out'));
  text('fl-reset', words.t('reset'));
  label('fl-legend', words.t('legend_label'));
  label('fl-time', words.t('date'));
  label('fl-charts', words.t('charts_label'));
  const group = (el, name) => { if (el) { el.setAttribute('role', 'group'); el.setAttribute('aria-label', name); } };
  group($('fl-map')?.querySelector('.fl-zoom'), words.t('zoom_controls'));
  group($('fl-time')?.closest('.fl-controls'), words.t('timeline_label'));
}
