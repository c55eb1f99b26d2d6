// The tooltip: what the core says about the flow or place under the pointer, as text in the DOM,
// and the same for the flow chosen with the keyboard (n and p on the focused map), highlighted
// on the map with its details next to it.

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function list(items) {
  const ul = document.createElement('ul');
  for (const item of items) ul.append(item instanceof Node ? item : el('li', item));
  return ul;
}

function streamContent(d, words) {
  const parts = [el('h2', d.title), el('div', `${d.category} · ${d.route}`), el('div', d.path, 'fl-note')];
  parts.push(el('div', d.figure, 'fl-figure'));
  if (d.estimate) parts.push(el('div', d.estimate, 'fl-note'));
  parts.push(el('div', `${words.t('as_of', d.as_of)} · ${words.t('strongest', d.confidence)}`));
  if (d.disputed) parts.push(el('div', words.t('disputed_note'), 'fl-flag'));
  if (d.destination) parts.push(el('div', d.destination, 'fl-flag'));
  if (d.part_of) parts.push(el('div', d.part_of, 'fl-note'));
  parts.push(el('h2', words.t('who_says')));
  parts.push(list(d.claims.map((c) => {
    const li = el('li');
    li.append(el('div', `${c.figure} (${c.period}; ${c.confidence})`));
    li.append(el('div', words.t('reported_on', c.claimant, c.reported)));
    li.append(el('div', words.t('source', c.source), 'fl-note fl-source'));
    if (c.quote) li.append(el('div', c.quote, 'fl-quote'));
    for (const d of c.denials) li.append(el('div', d, 'fl-flag'));
    if (c.note) li.append(el('div', c.note, 'fl-note'));
    return li;
  })));
  if (d.sanctions.length) {
    parts.push(el('h2', words.t('sanctions_heading')));
    parts.push(list(d.sanctions));
  }
  if (d.note) parts.push(el('p', d.note, 'fl-note'));
  return parts;
}

function placeContent(d) {
  const parts = [el('h2', d.title), el('div', d.precision, 'fl-note')];
  if (d.note) parts.push(el('p', d.note, 'fl-note'));
  if (d.totals.length) parts.push(list(d.totals));
  return parts;
}

export class Tooltip {
  /** `root` is the tooltip element, `container` the map it sits on, `words` its texts (words.js). */
  constructor(root, container, words) {
    this.root = root;
    this.container = container;
    this.words = words;
    this.current = null;
    /** The flow chosen with the keyboard: {map, index, lang}, or null. */
    this.keyed = null;
    this.highlight = null;
    this.rekeying = false;
  }

  /** Shows what `hit` points at (from the core's `hit`), near (x, y) CSS pixels; hides on null. */
  show(map, hit, x, y, lang) {
    this.unkey();
    this.place(map, hit, x, y, lang);
  }

  place(map, hit, x, y, lang) {
    const key = hit ? `${hit.kind}:${hit.index}` : null;
    if (!hit) { this.hide(); return; }
    if (key !== this.current) {
      const details = hit.kind === 'stream' ? map.stream_details(hit.index, lang) : map.place_details(hit.index, lang);
      if (!details) { this.hide(); return; }
      this.root.replaceChildren(...(hit.kind === 'stream' ? streamContent(details, this.words) : placeContent(details)));
      this.root.dataset.kind = hit.kind;
      this.current = key;
    }
    this.root.hidden = false;
    const box = this.container.getBoundingClientRect();
    const { offsetWidth: w, offsetHeight: h } = this.root;
    const left = x + 14 + w > box.width ? Math.max(4, x - 14 - w) : x + 14;
    const top = Math.min(Math.max(4, y - 10), Math.max(4, box.height - h - 4));
    this.root.style.left = `${left}px`;
    this.root.style.top = `${top}px`;
  }

  /**
   * Moves the keyboard's choice to the next (`step` 1) or previous (-1) flow drawn at the
   * current day with the current filters, in the story's order and round, highlights it and
   * shows its details next to it.
   */
  step(map, step, lang) {
    const flows = Array.from(map.visible_flows());
    if (flows.length === 0) { this.hide(); return; }
    const at = this.keyed ? this.keyed.index : null;
    let next;
    if (at === null) next = step > 0 ? flows[0] : flows[flows.length - 1];
    else if (step > 0) next = flows.find((i) => i > at) ?? flows[0];
    else next = [...flows].reverse().find((i) => i < at) ?? flows[flows.length - 1];
    this.choose(map, next, lang);
  }

  /** Highlights flow `index` and shows its details next to it. */
  choose(map, index, lang) {
    const anchor = map.flow_anchor(index);
    if (anchor.length < 2) { this.hide(); return; }
    this.current = null; // the details are written again: the day or the view may have moved
    this.place(map, { kind: 'stream', index }, anchor[0], anchor[1], lang);
    this.keyed = { map, index, lang };
    this.root.dataset.flow = String(index);
    this.drawHighlight(map, index, anchor);
  }

  /** The highlight of the chosen flow: its route drawn over the map, and a ring at its anchor. */
  drawHighlight(map, index, [x, y]) {
    if (!this.highlight) {
      this.highlight = document.createElementNS(SVG, 'svg');
      this.highlight.setAttribute('class', 'fl-highlight');
      this.highlight.setAttribute('aria-hidden', 'true');
      this.root.before(this.highlight);
    }
    // Views of wasm memory: read before the next call into the map.
    const { route_xy: xy, route_offsets: offsets, widths } = map.frame_columns();
    let d = '';
    for (let i = offsets[index]; i < offsets[index + 1]; i++) {
      d += `${i === offsets[index] ? 'M' : 'L'}${xy[2 * i].toFixed(1)} ${xy[2 * i + 1].toFixed(1)}`;
    }
    const width = Math.max(widths[3 * index], widths[3 * index + 2]) + 8;
    const path = document.createElementNS(SVG, 'path');
    for (const [k, v] of Object.entries({ d, fill: 'none', 'stroke-width': Math.max(8, width), 'stroke-linecap': 'round', 'stroke-linejoin': 'round', class: 'fl-highlight-route' })) path.setAttribute(k, v);
    const ring = document.createElementNS(SVG, 'circle');
    for (const [k, v] of Object.entries({ cx: x, cy: y, r: 9, fill: 'none', 'stroke-width': 3, class: 'fl-highlight-ring' })) ring.setAttribute(k, v);
    this.highlight.replaceChildren(path, ring);
    this.highlight.removeAttribute('hidden'); // an SVG element has no `hidden` property
  }

  unkey() {
    this.keyed = null;
    delete this.root.dataset.flow;
    if (this.highlight) this.highlight.setAttribute('hidden', '');
  }

  /**
   * Refreshes the shown details (the day, view or filters changed). A flow chosen with the
   * keyboard follows its route (once per frame at most), and is let go when it is no longer drawn.
   */
  refresh() {
    this.current = null;
    if (!this.keyed || this.rekeying) return;
    this.rekeying = true;
    requestAnimationFrame(() => {
      this.rekeying = false;
      if (!this.keyed) return;
      const { map, index, lang } = this.keyed;
      if (Array.from(map.visible_flows()).includes(index)) this.choose(map, index, lang);
      else this.hide();
    });
  }

  hide() {
    this.unkey();
    this.root.hidden = true;
    this.current = null;
  }
}

/**
 * Keyboard access to the flows on `container` (the focusable map): `n` and `p` step through
 * the flows drawn, showing each one's details in `tooltip`; Escape closes them.
 */
export function attachFlowKeys(container, map, tooltip, lang) {
  container.addEventListener('keydown', (e) => {
    if (e.target !== container || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'n' || key === 'p') {
      e.preventDefault();
      tooltip.step(map, key === 'n' ? 1 : -1, lang);
    } else if (e.key === 'Escape' && !tooltip.root.hidden) {
      e.preventDefault();
      tooltip.hide();
    }
  });
  container.addEventListener('blur', () => { if (tooltip.keyed) tooltip.hide(); });
}
