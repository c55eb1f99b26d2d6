// The legend: what colours, widths, line styles and marks mean, with a toggle per category and
// per confidence. Built with DOM calls only; names come from the data and are set as text.

import { styleTable, dashOf } from './style-table.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The width of the legend's line samples, in CSS pixels. */
const SAMPLE_WIDTH = 3;

function svg(width, height, draw) {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('width', width);
  el.setAttribute('height', height);
  el.setAttribute('aria-hidden', 'true');
  draw(el);
  return el;
}

function line(el, ink, attrs) {
  const l = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 2, y1: 7, x2: 34, y2: 7, stroke: ink, 'stroke-width': SAMPLE_WIDTH, ...attrs })) l.setAttribute(k, v);
  el.append(l);
}

function heading(text) {
  const h = document.createElement('h2');
  h.textContent = text;
  return h;
}

function toggle(label, sample, checked, onChange) {
  const row = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  const text = document.createElement('span');
  text.textContent = label;
  row.append(box, sample, text);
  return row;
}

function key(sample, label) {
  const row = document.createElement('div');
  row.className = 'fl-key';
  const text = document.createElement('span');
  text.textContent = label;
  row.append(sample, text);
  return row;
}

/** The SVG attributes of a sample of line style `code` (0 solid to 3 faint), from the core's table `look`. */
function styleAttrs(look, code) {
  const style = look.styles[code];
  const width = style.width ?? SAMPLE_WIDTH;
  const attrs = { 'stroke-width': width, 'stroke-opacity': style.alpha };
  const dash = dashOf(look, code, width);
  if (dash.length) attrs['stroke-dasharray'] = dash.join(' ');
  if (style.round) attrs['stroke-linecap'] = 'round';
  return attrs;
}

/** Each confidence the legend filters by, its name in the reader's language and its line style's code. */
const confidences = (words) => [
  ['confirmed', words.t('confirmed'), 0],
  ['reported', words.t('reported'), 1],
  ['claimed', words.t('claimed'), 2],
  ['proposed', words.t('proposed'), 3],
];

/**
 * Fills `root` with the legend of `map`; `changed()` is called after any toggle. `shown`, when
 * given, lists the only categories shown at first: the others are hidden in `map` and unticked.
 * `words` (words.js) gives the legend's own texts in the reader's language.
 */
export function buildLegend(root, map, lang, changed, { shown = null, words } = {}) {
  root.replaceChildren();
  const look = styleTable(map);
  const ink = look.colors.ink;
  root.append(heading(words.t('what_moves')));
  for (const c of map.categories(lang)) {
    const swatch = svg(36, 14, (el) => line(el, ink, { stroke: c.color, 'stroke-width': 6 }));
    const on = !shown || shown.includes(c.id);
    if (!on) map.set_category_visible(c.id, false);
    const row = toggle(c.name, swatch, on, (on) => { map.set_category_visible(c.id, on); changed(); });
    row.dataset.category = c.id;
    root.append(row);
  }
  root.append(heading(words.t('how_sure')));
  for (const [id, label, code] of confidences(words)) {
    const row = toggle(label, svg(36, 14, (el) => line(el, ink, styleAttrs(look, code))), true, (on) => {
      map.set_confidence_visible(id, on); // the core hides denied with proposed
      changed();
    });
    row.dataset.confidence = id;
    root.append(row);
  }
  root.append(heading(words.t('marks')));
  root.append(key(svg(36, 14, (el) => {
    line(el, ink, { 'stroke-width': 10, 'stroke-opacity': look.bandAlpha });
    line(el, ink, { 'stroke-width': 4 });
  }), words.t('mark_width')));
  // The core's badges (line_style::BADGES), each named by its mark.
  const badgeWords = { [look.marks.unknown]: 'mark_unknown', [look.marks.disputed]: 'mark_disputed' };
  for (const { mark, glyph } of look.badges) {
    root.append(key(svg(36, 16, (el) => {
      const c = document.createElementNS(SVG, 'circle');
      for (const [k, v] of Object.entries({ cx: 18, cy: 8, r: 6.5, fill: look.colors.white, stroke: ink })) c.setAttribute(k, v);
      const t = document.createElementNS(SVG, 'text');
      for (const [k, v] of Object.entries({ x: 18, y: 11.5, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 'bold' })) t.setAttribute(k, v);
      t.textContent = glyph;
      el.append(c, t);
    }), words.t(badgeWords[mark])));
  }
  root.append(key(svg(36, 14, (el) => {
    const p = document.createElementNS(SVG, 'path');
    for (const [k, v] of Object.entries({ d: 'M6 2 L30 7 L6 12 Z', fill: look.colors.white, stroke: ink, 'stroke-width': look.hollowArrow })) p.setAttribute(k, v);
    el.append(p);
  }), words.t('mark_inferred')));
  root.append(key(svg(36, 14, (el) => {
    line(el, ink, { stroke: look.colors.outline, 'stroke-width': 8, 'stroke-dasharray': look.outlineDash.join(' '), 'stroke-linecap': 'round', 'stroke-opacity': look.outlineAlpha });
    line(el, ink, {});
  }), words.t('mark_assumed')));
}

/** The ids of the categories the legend in `root` shows ticked, in the story's order. */
export function shownCategories(root) {
  return [...root.querySelectorAll('[data-category]')]
    .filter((row) => row.querySelector('input').checked)
    .map((row) => row.dataset.category);
}

/** Whether every category of the legend in `root` is ticked. */
export function allCategoriesShown(root) {
  return [...root.querySelectorAll('[data-category] input')].every((box) => box.checked);
}

/**
 * Shows the categories `shown` (ids the story has; null for all) and hides the others, in
 * `map` and in the legend's boxes in `root`, as a reader ticking them would.
 */
export function showCategories(root, map, shown) {
  for (const row of root.querySelectorAll('[data-category]')) {
    const on = !shown || shown.includes(row.dataset.category);
    row.querySelector('input').checked = on;
    map.set_category_visible(row.dataset.category, on);
  }
}

/** Gives each category's sample line in the legend in `root` the colour `map` draws it in now. */
export function recolourLegend(root, map, lang) {
  const colors = new Map(map.categories(lang).map((c) => [c.id, c.color]));
  for (const row of root.querySelectorAll('[data-category]')) {
    row.querySelector('svg line')?.setAttribute('stroke', colors.get(row.dataset.category));
  }
}
