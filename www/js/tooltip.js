// The tooltip: what the core says about the flow or place under the pointer, as text in the DOM.

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

function streamContent(d) {
  const parts = [el('h2', d.title), el('div', `${d.category} · ${d.route}`), el('div', d.path, 'fl-note')];
  parts.push(el('div', d.figure, 'fl-figure'));
  parts.push(el('div', `As of ${d.as_of} · strongest claim: ${d.confidence}`));
  if (d.disputed) parts.push(el('div', 'Disputed: a party denies it.', 'fl-flag'));
  if (d.destination) parts.push(el('div', d.destination, 'fl-flag'));
  if (d.part_of) parts.push(el('div', d.part_of, 'fl-note'));
  parts.push(el('h2', 'Who says so'));
  parts.push(list(d.claims.map((c) => {
    const li = el('li');
    li.append(el('div', `${c.figure} (${c.period}; ${c.confidence})`));
    li.append(el('div', `${c.claimant}, reported ${c.reported}`));
    li.append(el('div', `Source: ${c.source}`, 'fl-note fl-source'));
    for (const d of c.denials) li.append(el('div', d, 'fl-flag'));
    if (c.note) li.append(el('div', c.note, 'fl-note'));
    return li;
  })));
  if (d.sanctions.length) {
    parts.push(el('h2', 'UN sanctions it runs into'));
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
  constructor(root, container) {
    this.root = root;
    this.container = container;
    this.current = null;
  }

  /** Shows what `hit` points at (from the core's `hit`), near (x, y) CSS pixels; hides on null. */
  show(map, hit, x, y, lang) {
    const key = hit ? `${hit.kind}:${hit.index}` : null;
    if (!hit) { this.hide(); return; }
    if (key !== this.current) {
      const details = hit.kind === 'stream' ? map.stream_details(hit.index, lang) : map.place_details(hit.index, lang);
      if (!details) { this.hide(); return; }
      this.root.replaceChildren(...(hit.kind === 'stream' ? streamContent(details) : placeContent(details)));
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

  /** Refreshes the shown details (the day or filters changed). */
  refresh() { this.current = null; }

  hide() {
    this.root.hidden = true;
    this.current = null;
  }
}
