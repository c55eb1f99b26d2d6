// The charts under the map: a chart per category of its running totals over time, drawn by the
// core on a canvas. The core keeps where everything went: this module asks it which day or
// which observation is under the pointer, and links the chart's cursor to the timeline.

/** Redraw at most this often while the timeline plays, in milliseconds. */
const PLAYING_INTERVAL_MS = 100;

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text; // never parsed as HTML
  if (className) e.className = className;
  return e;
}

/**
 * Builds a chart per category in `root` and returns `{ update(), redraw(), recolour() }`: call `update()`
 * every frame after the map's day is set; it redraws when the day moved (throttled while
 * playing). Clicking or dragging on a chart moves `timeline`; hovering a mark shows its source.
 */
export function mountCharts(root, map, lang, timeline, words) {
  const tip = el('div', null, 'fl-chart-tip');
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  const charts = [];
  for (const c of map.chart_categories(lang)) {
    const figure = el('figure', null, 'fl-chart');
    figure.dataset.category = c.id;
    const heading = el('h2');
    const swatch = el('span', null, 'fl-chart-swatch');
    swatch.style.background = c.color;
    heading.append(swatch, document.createTextNode(c.name));
    figure.append(heading);
    if (!c.has_figures) {
      figure.append(el('p', c.message, 'fl-chart-empty'));
      root.append(figure);
      continue;
    }
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', c.description);
    canvas.style.height = `${c.height}px`;
    figure.append(canvas);
    root.append(figure);
    charts.push({ id: c.id, canvas, height: c.height, width: 0, dpr: 1 });
  }
  root.append(tip);

  let drawnDay = NaN;
  let drawnAt = -Infinity;
  let stale = true;

  function fit() {
    const dpr = window.devicePixelRatio || 1;
    for (const chart of charts) {
      const width = chart.canvas.getBoundingClientRect().width;
      chart.width = width;
      chart.dpr = dpr;
      chart.canvas.width = Math.max(1, Math.round(width * dpr));
      chart.canvas.height = Math.max(1, Math.round(chart.height * dpr));
    }
    stale = true;
  }

  function redraw() {
    // The page's theme as the reader sees it: flowlines.css sets color-scheme, which inherits.
    map.set_theme(getComputedStyle(root).colorScheme === 'dark' ? 'dark' : 'light');
    for (const chart of charts) {
      if (chart.width < 1) continue;
      try {
        map.draw_chart(chart.canvas.getContext('2d'), chart.width, chart.height, chart.dpr, chart.id, lang);
        chart.canvas.dataset.error = '';
      } catch (e) {
        chart.canvas.dataset.error = e.message ?? String(e); // too narrow, for instance
      }
    }
    drawnDay = timeline.day;
    drawnAt = performance.now();
    stale = false;
  }

  function update() {
    if (!stale && timeline.day === drawnDay) return;
    if (!stale && timeline.playing && performance.now() - drawnAt < PLAYING_INTERVAL_MS) return;
    redraw();
  }

  function hideTip() { tip.hidden = true; }

  function showTip(hit, e) {
    if (!hit) { hideTip(); return; }
    tip.replaceChildren(
      el('div', hit.stream, 'fl-chart-tip-title'),
      el('div', `${hit.figure} (${hit.period}; ${hit.confidence})`, 'fl-figure'),
      el('div', words ? words.t('reported_on', hit.claimant, hit.reported) : `${hit.claimant}, reported ${hit.reported}`),
      el('div', words ? words.t('source', hit.source) : `Source: ${hit.source}`, 'fl-note fl-source'),
    );
    tip.hidden = false;
    const box = root.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const left = Math.min(x + 14, box.width - tip.offsetWidth - 4);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${y + 14}px`;
  }

  for (const chart of charts) {
    const { canvas, id } = chart;
    const at = (e) => {
      const box = canvas.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    };
    let dragging = false;
    const seek = (e) => {
      const day = map.chart_day_at(id, at(e)[0]);
      if (day === undefined || day === null) return;
      timeline.set(day);
      timeline.emit();
    };
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      dragging = true;
      canvas.setPointerCapture(e.pointerId);
      seek(e);
      if (e.pointerType !== 'mouse') showTip(map.chart_mark_at(id, ...at(e), lang), e);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (dragging) { seek(e); return; }
      if (e.pointerType === 'mouse') showTip(map.chart_mark_at(id, ...at(e), lang), e);
    });
    const stop = () => { dragging = false; };
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') hideTip(); });
  }

  /** Redraws in the colours the map gives the categories now (a theme or `colors` changed). */
  function recolour() {
    const colors = new Map(map.categories(lang).map((c) => [c.id, c.color]));
    for (const figure of root.querySelectorAll('.fl-chart')) {
      figure.querySelector('.fl-chart-swatch').style.background = colors.get(figure.dataset.category);
    }
    redraw();
  }

  fit();
  new ResizeObserver(fit).observe(root);
  return { update, redraw, recolour };
}
