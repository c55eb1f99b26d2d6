// The downloads' own work, loaded on the first download (export.js): the file handed to the
// browser, and the PNG's canvas (the map's two layers with its credits burned in). A reader who
// never downloads never fetches it.

const FOOTER_FONT = '12px system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';
const LINE = 16;

/** Hands `blob` to the browser as a download named `name`. */
export function download(name, blob) {
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
 * theme's sea, paper and ink, from flowlines.css; the core's light `colors` from
 * FlowMap.style_table where a property is not set).
 */
export function composite(layers, credits, dpr, colors) {
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
  ctx.fillStyle = colour('--fl-sea', colors.sea);
  ctx.fillRect(0, 0, w, h);
  for (const layer of layers) ctx.drawImage(layer, 0, 0);
  ctx.fillStyle = colour('--fl-paper', colors.paper);
  ctx.fillRect(0, h, w, out.height - h);
  ctx.scale(dpr, dpr);
  ctx.font = FOOTER_FONT;
  ctx.fillStyle = colour('--fl-ink', colors.ink);
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, 10, h / dpr + 8 + i * LINE));
  return out;
}

