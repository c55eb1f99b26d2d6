// Downloads: the current view as PNG (with its credits and caveat burned in), as SVG (drawn by
// the core through plotters), and the data behind it as CSV. The SVG, the CSV and the PNG's
// credit lines come from the second wasm module (extras.js), loaded on the first download
// unless the charts loaded it already; the PNG's drawing and the file handling
// (export-file.js) load on the first download too.

import { styleTable } from './style-table.js';

/** The downloads' drawing and file handling (export-file.js), loaded once, when first asked for. */
let loaded;
const files = () => (loaded ??= import('./export-file.js'));

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
  png.addEventListener('click', async () => {
    const { dpr, lang } = view();
    const [{ composite, download }, handle] = await Promise.all([files(), extras.synced()]);
    composite(layers, handle.export_credits(lang), dpr, styleTable(map).colors).toBlob((blob) => download(`${name()}.png`, blob), 'image/png');
  });
  svg.addEventListener('click', async () => {
    const { width, height, lang } = view();
    const file = `${name()}.svg`;
    const { download } = await files();
    const drawn = (await extras.synced()).export_svg(width, height, lang);
    download(file, new Blob([drawn], { type: 'image/svg+xml' }));
  });
  csv.addEventListener('click', async () => {
    // The core's CSV starts with a byte-order mark (so Excel reads it as UTF-8) and has its
    // formula-like text cells neutralised; the Blob writes it as UTF-8 as it is.
    const { lang } = view();
    const file = `${name()}.csv`;
    const { download } = await files();
    download(file, new Blob([(await extras.synced()).export_csv(lang)], { type: 'text/csv;charset=utf-8' }));
  });
}
