// Downloads: the current view as PNG (with its credits and caveat burned in), as SVG (drawn by
// the core through plotters), and the data behind it as CSV. The SVG and the CSV come from the
// second wasm module (extras.js), loaded on the first such download.

const FOOTER_FONT = '12px system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';
const LINE = 16;

function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Splits `text` into lines no wider than `width` pixels in `ctx`'s font. */
function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The map's two layers and its credits as one canvas, in the colours the reader sees (the
 * theme's sea, paper and ink, from flowlines.css).
 */
function composite(layers, credits, dpr) {
  const style = getComputedStyle(layers[0]);
  const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  const [w, h] = [layers[0].width, layers[0].height];
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = FOOTER_FONT;
  const lines = credits.flatMap((c) => wrap(measure, c, w / dpr - 20));
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h + Math.ceil((lines.length * LINE + 16) * dpr);
  const ctx = out.getContext('2d');
  ctx.fillStyle = colour('--fl-sea', '#dde6ec');
  ctx.fillRect(0, 0, w, h);
  for (const layer of layers) ctx.drawImage(layer, 0, 0);
  ctx.fillStyle = colour('--fl-paper', '#f7f5f0');
  ctx.fillRect(0, h, w, out.height - h);
  ctx.scale(dpr, dpr);
  ctx.font = FOOTER_FONT;
  ctx.fillStyle = colour('--fl-ink', '#1d1d1f');
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, 10, h / dpr + 8 + i * LINE));
  return out;
}

/**
 * Wires the download buttons and gives them, and the label before them, their words (`words`,
 * words.js). `view()` returns the current {width, height, dpr, lang}; `extras` is the map's
 * second module (extras.js `extrasOf`).
 */
export function attachExport(map, { extras, png, svg, csv, layers, view, name, words }) {
  if (words) {
    const label = png.parentElement?.querySelector(':scope > span');
    if (label) label.textContent = words.t('download');
    png.textContent = words.t('download_png');
    svg.textContent = words.t('download_svg');
    csv.textContent = words.t('download_csv');
  }
  png.addEventListener('click', () => {
    const { dpr, lang } = view();
    composite(layers, map.export_credits(lang), dpr).toBlob((blob) => download(`${name()}.png`, blob), 'image/png');
  });
  svg.addEventListener('click', async () => {
    const { width, height, lang } = view();
    const file = `${name()}.svg`;
    const drawn = (await extras.synced()).export_svg(width, height, lang);
    download(file, new Blob([drawn], { type: 'image/svg+xml' }));
  });
  csv.addEventListener('click', async () => {
    // The core's CSV starts with a byte-order mark (so Excel reads it as UTF-8) and has its
    // formula-like text cells neutralised; the Blob writes it as UTF-8 as it is.
    const { lang } = view();
    const file = `${name()}.csv`;
    download(file, new Blob([(await extras.synced()).export_csv(lang)], { type: 'text/csv;charset=utf-8' }));
  });
}
