// The data table: every flow the map shows at the current day with its places, figure,
// confidence, sources and UN sanctions, as a real <table> that screen readers can walk and
// sighted readers can open. Rows come from the core (`table_rows`); built with DOM calls only,
// data set as text.
import { pacer } from './summary.js';

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text; // never parsed as HTML
  if (className) e.className = className;
  return e;
}

/** A cell with one item, or a list of several. */
function cell(items) {
  const td = el('td');
  if (items.length === 1) td.textContent = items[0];
  else if (items.length > 1) {
    const ul = el('ul');
    for (const item of items) ul.append(el('li', item));
    td.append(ul);
  }
  return td;
}

/**
 * Builds the table inside `details` (a <details> element) for `map` in `lang`, with `words`
 * (words.js) and `dateText(day)` for its caption. Returns `{changed(), update(day, playing)}`
 * like the summary: the rows follow the day and the filters, written only while it is open.
 * `details` already holds its <summary> (app.js makes it and loads this module when the reader
 * first opens the table): it is kept in place, so that a reader who opened the table with the
 * keyboard keeps the focus on it.
 */
export function mountTable(details, map, lang, words, dateText) {
  const wrap = el('div', null, 'fl-table-wrap');
  // A box that may scroll sideways (flowlines.css): reachable by keyboard, named by the caption.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  const table = el('table');
  const caption = el('caption');
  caption.id = 'fl-table-caption';
  wrap.setAttribute('aria-labelledby', caption.id);
  const head = el('thead');
  const row = el('tr');
  for (const text of [
    words.t('col_flow'), words.t('col_category'), words.t('col_from_to'), words.t('col_figure'),
    words.t('col_confidence'), words.t('col_sources'), words.t('col_quotes'), words.t('col_sanctions'),
  ]) {
    const th = el('th', text);
    th.scope = 'col';
    row.append(th);
  }
  head.append(row);
  const body = el('tbody');
  table.append(caption, head, body);
  wrap.append(table);
  details.append(wrap);

  let day = NaN;
  function write() {
    caption.textContent = words.t('table_caption', dateText(day));
    const rows = map.table_rows(lang);
    if (rows.length === 0) {
      const td = el('td', words.t('table_empty'));
      td.colSpan = 8;
      const tr = el('tr');
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...rows.map((r) => {
      const tr = el('tr');
      tr.dataset.flow = String(r.index);
      const th = el('th', r.flow);
      th.scope = 'row';
      const figure = el('td');
      figure.append(el('div', r.figure));
      if (r.estimate) figure.append(el('div', r.estimate, 'fl-note'));
      if (r.destination) figure.append(el('div', r.destination, 'fl-note'));
      figure.append(el('div', r.as_of, 'fl-note'));
      const quotes = cell(r.quotes);
      quotes.classList.add('fl-quote');
      const sources = cell(r.sources);
      sources.classList.add('fl-sources');
      tr.append(th, cell([r.category]), cell([r.from_to]), figure, cell([r.confidence]), sources, quotes, cell(r.sanctions));
      return tr;
    }));
  }

  const pace = pacer();
  let stale = true;
  details.addEventListener('toggle', () => { if (details.open && stale) { write(); stale = false; } });
  return {
    changed: pace.changed,
    update(now, playing) {
      day = now;
      if (!pace.due(now, playing)) return;
      if (details.open) { write(); stale = false; } else stale = true;
    },
  };
}
