// The look of the map's lines and dots, from the core (FlowMap.style_table): dash patterns by
// line style, mark bits by name, colours and radii. Read once and shared by every module that
// draws, so that the page, the legend and the static images agree.

let table = null;

/** The core's table, read from `map` the first time it is asked for; the same for every map. */
export function styleTable(map) {
  table ??= map.style_table();
  return table;
}

/** A length of a dash pattern at a line `width` pixels wide, by the core's rule (line_style::Length::at). */
const lengthAt = (l, width) => Math.max(l.min, l.perWidth * width) + l.plusWidth * width + l.plus;

/** The dash array of line style `code` (0 solid, 1 dashed, 2 dotted, 3 faint) at `width` pixels; empty when solid. */
export function dashOf(table, code, width) {
  const d = table.styles[code].dash;
  return d ? [lengthAt(d.on, width), lengthAt(d.off, width)] : [];
}

/** Label font size and place dot radius for a map `width` CSS pixels wide (the core's radius rule). */
export function scaleFor(table, width) {
  const narrow = width < table.narrowMap;
  return { font: narrow ? 11 : 13, radius: narrow ? table.narrowPlaceRadius : table.placeRadius };
}
