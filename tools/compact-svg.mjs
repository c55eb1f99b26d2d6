// Rewrites the static fallback SVG that `flowlines render` writes (plotters' SVG backend: one
// element a line, every element carrying its whole style) into a smaller SVG that draws the same
// pixels: the fallback image every reader of the embed downloads (issue 10, item 3).
//
// - runs of consecutive elements with the same style share one <g> carrying it (painting order
//   is kept, so nothing that was drawn over is drawn under);
// - an element's `opacity` becomes the group's `fill-opacity` or `stroke-opacity` when the element
//   paints only its fill or only its stroke (the same composite for one paint; both are inherited
//   and apply to each element alone, where a group's `opacity` would blend the group as one);
//   `opacity="1"` and the `stroke-width` of an element without stroke are dropped;
// - a <polyline> or <polygon> becomes a <path> with relative coordinates (`M203 372l-17 43…`,
//   `z` closing a polygon), which are shorter and repeat more than absolute ones;
// - consecutive open lines of one opaque, unfilled stroke (coasts, dashed borders) become the
//   subpaths of one <path>, each moved to from the end of the one before (`m3 -2l…`);
// - so do consecutive lines of one translucent stroke (a dashed route's dashes) while each lies
//   far enough from those already joined that their paint cannot meet (`apart`): nothing is
//   laid twice either way. Chromium anti-aliases the joined dashes as one shape, up to two
//   levels off along their edges (154 pixels of the English fallback); 1.2 KB gzipped off it
//   (16,625 -> 15,425 bytes), 5 December 2026;
// - consecutive filled dots of one size and colour (<circle> with integer centre and radius, no
//   stroke: the dotted outlines of assumed routes, 733 of them in the default story) become
//   one <path> of zero-length subpaths stroked with round caps as wide as the dots
//   (`M848 338h0m4-5h0…`): round caps draw each as the same disc. Where two translucent dots'
//   soft edges touch, one path lays their cover once where two elements laid it twice: up to
//   3 levels off in those pixels, 0.7 % of the default fallback's (as the live map's outlines,
//   drawn as one mask, lay overlapping dots once).
//
//   node tools/compact-svg.mjs FILE.svg [...]   (rewrites each in place; tools/build-static.sh)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Attributes a <g> passes on to its children (inherited presentation attributes). */
const INHERITED = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'fill-opacity', 'stroke-opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor'];

/** The attributes of tag text `tag` (`<name a="1" b="2">`), in order, as [name, value] pairs. */
function attributes(tag) {
  return [...tag.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

/** `points` ("x,y x,y …") as path data with relative moves, closed with `z` when `closed`;
 * null when a coordinate is not an integer (then the element is kept as it is). */
export function pathData(points, closed) {
  const n = integerPoints(points);
  if (n === null) return null;
  const d = `M${n[0]} ${n[1]}${relativeLines(n)}`;
  return closed ? `${d}z` : d;
}

/** The coordinates of `points` ("x,y x,y …") as numbers; null unless all are integers. */
function integerPoints(points) {
  const xy = points.trim().split(/[\s,]+/).filter(Boolean);
  if (xy.length < 2 || xy.length % 2 || !xy.every((v) => /^-?\d+$/.test(v))) return null;
  return xy.map(Number);
}

/** A number of relative path data: a minus sign separates it from the one before. */
const num = (v, first) => (v < 0 || first ? String(v) : ` ${v}`);

/** `l` and the steps from each point of `n` (x, y, x, y, …) to the next; '' for one point. */
function relativeLines(n) {
  if (n.length <= 2) return '';
  let d = 'l';
  for (let i = 2; i < n.length; i += 2) d += num(n[i] - n[i - 2], i === 2) + num(n[i + 1] - n[i - 1], false);
  return d;
}

/** One element of the file: its own attributes (geometry, and `opacity` when it must stay),
 * its style for the group, and what follows the opening tag (a text's content and end tag). */
function split(name, attrs, rest, joinDots) {
  const own = [];
  const style = [];
  const map = new Map(attrs);
  const painted = (k) => map.has(k) && map.get(k) !== 'none';
  const fill = name === 'polyline' ? false : (map.has('fill') ? painted('fill') : true);
  const stroke = painted('stroke');
  for (const [k, v] of attrs) {
    if (k === 'opacity') {
      if (v === '1') continue;
      if (fill && stroke) own.push([k, v]);
      else style.push([stroke ? 'stroke-opacity' : 'fill-opacity', v]);
    } else if (k === 'stroke-width' && !stroke) {
      continue;
    } else if (INHERITED.includes(k)) {
      style.push([k, v]);
    } else {
      own.push([k, v]);
    }
  }
  if (joinDots && name === 'circle' && fill && !stroke) {
    const dot = dotOf(own);
    if (dot) {
      const paint = new Map(style);
      const width = ['stroke-width', String(2 * dot.r)];
      const opacity = paint.has('fill-opacity') ? [['stroke-opacity', paint.get('fill-opacity')]] : [];
      const look = [['fill', 'none'], ['stroke', paint.get('fill') ?? '#000'], width, ['stroke-linecap', 'round'], ...opacity];
      return { tag: 'path', own: [], style: look, rest, dot: [dot.cx, dot.cy] };
    }
  }
  if (name === 'polyline' || name === 'polygon') {
    const points = own.find(([k]) => k === 'points');
    const d = points && pathData(points[1], name === 'polygon');
    if (d !== null && d !== undefined) {
      if (name === 'polyline' && !map.has('fill')) style.push(['fill', 'none']);
      const rest2 = own.filter(([k]) => k !== 'points');
      // An open line with nothing of its own but its points may join the path before it.
      const line = name === 'polyline' && rest2.length === 0 ? integerPoints(points[1]) : null;
      return { tag: 'path', own: [...rest2, ['d', d]], style, rest, line };
    }
  }
  return { tag: name, own, style, rest };
}

/** A circle's centre and radius when they are all it has and all are integers; else null. */
function dotOf(own) {
  const a = new Map(own);
  if (own.length !== 3 || !['cx', 'cy', 'r'].every((k) => /^-?\d+$/.test(a.get(k) ?? ''))) return null;
  const [cx, cy, r] = ['cx', 'cy', 'r'].map((k) => Number(a.get(k)));
  return r > 0 ? { cx, cy, r } : null;
}

const attrText = (pairs) => pairs.map(([k, v]) => ` ${k}="${v}"`).join('');

/** The compact form of the SVG text `svg` (see the file's comment); with `joinDots` false,
 * each dot stays a <circle> of its own (the same pixels but for joined lines' meeting points). */
export function compactSvg(svg, { joinDots = true } = {}) {
  const open = svg.match(/^<svg[^>]*>/);
  if (!open) throw new Error('not an SVG written by flowlines render');
  const body = svg.slice(open[0].length).replace(/<\/svg>\s*$/, '');
  const elements = [];
  // Self-closing elements, and <text …>…</text> with its content kept as it is.
  const re = /<(\w+)([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
  let m;
  let seen = 0;
  while ((m = re.exec(body))) {
    if (body.slice(seen, m.index).trim()) throw new Error(`unexpected text at ${m.index}`);
    seen = re.lastIndex;
    const rest = m[3] === '/>' ? '/>' : `>${m[4]}</${m[1]}>`;
    elements.push(split(m[1], attributes(m[2]), rest, joinDots));
  }
  if (body.slice(seen).trim()) throw new Error('unexpected text at the end');
  let out = `${open[0]}\n`;
  let group = null;
  let joined = null; // the lines of one path being joined: [[x, y, x, y, …], …]
  let dots = null; // the dots of one path being joined: [[x, y], …]
  const endDots = () => {
    if (dots === null) return;
    let d = `M${dots[0][0]} ${dots[0][1]}h0`;
    for (let i = 1; i < dots.length; i++) {
      d += `m${num(dots[i][0] - dots[i - 1][0], true)}${num(dots[i][1] - dots[i - 1][1], false)}h0`;
    }
    out += `<path d="${d}"/>\n`;
    dots = null;
  };
  const endJoined = () => {
    endDots();
    if (joined === null) return;
    let d = `M${joined[0][0]} ${joined[0][1]}${relativeLines(joined[0])}`;
    for (let i = 1; i < joined.length; i++) {
      const [a, b] = [joined[i - 1], joined[i]];
      d += `m${num(b[0] - a[a.length - 2], true)}${num(b[1] - a[a.length - 1], false)}${relativeLines(b)}`;
    }
    out += `<path d="${d}"/>\n`;
    joined = null;
  };
  for (const e of elements) {
    const key = attrText(e.style);
    if (key !== group) {
      endJoined();
      if (group !== null && group !== '') out += '</g>\n';
      if (key !== '') out += `<g${key}>\n`;
      group = key;
    }
    if (e.line && joinable(e.style)) {
      (joined ??= []).push(e.line);
      continue;
    }
    if (e.line && joinableApart(e.style)) {
      // A translucent line joins the path only where its paint cannot touch the paint of the
      // lines already in it (the dashes of one dashed route, a few pixels apart).
      if (joined !== null && !apart(e.line, joined, strokeWidth(e.style))) endJoined();
      (joined ??= []).push(e.line);
      continue;
    }
    if (e.dot) {
      (dots ??= []).push(e.dot);
      continue;
    }
    endJoined();
    out += `<${e.tag}${attrText(e.own)}${e.rest}\n`;
  }
  endJoined();
  if (group !== null && group !== '') out += '</g>\n';
  return `${out}</svg>\n`;
}

/**
 * Whether lines of style `style` may be joined into one path of several subpaths and draw the
 * same pixels: stroked, unfilled and opaque. Where two joined lines cross, one path paints the
 * crossing once, where two elements paint it twice: the same colour for an opaque stroke, a
 * darker one for a translucent stroke (so those stay apart).
 */
function joinable(style) {
  const s = new Map(style);
  return s.get('fill') === 'none' && s.has('stroke') && s.get('stroke') !== 'none' && !s.has('stroke-opacity');
}

/** Whether lines of style `style` may join a path of several subpaths where they lie apart:
 * stroked and unfilled, translucent (see [`joinable`] for opaque ones). */
function joinableApart(style) {
  const s = new Map(style);
  return s.get('fill') === 'none' && s.has('stroke') && s.get('stroke') !== 'none' && s.has('stroke-opacity');
}

/** The stroke width of style `style`, in pixels (1 when it names none). */
function strokeWidth(style) {
  return Number(new Map(style).get('stroke-width') ?? 1);
}

/**
 * How far, in pixels, a line `width` wide stroked through `line` (x, y, x, y, ...) may paint from
 * its points: half its width, times sqrt 2 for a square cap's corner, or twice its width where
 * a join's miter may reach (SVG's default miter limit of 4 half-widths).
 */
function reach(line, width) {
  return line.length > 4 ? 2 * width : (width / 2) * Math.SQRT2;
}

/**
 * Whether `line` lies far enough from every line of `lines` (all stroked `width` wide) that
 * their paint, anti-aliased edges included (a pixel more), cannot meet: then one path of them
 * all lays each pixel's cover once, as the separate elements did, and draws the same pixels.
 */
export function apart(line, lines, width) {
  const r = reach(line, width);
  return lines.every((other) => distance(line, other) > r + reach(other, width) + 1);
}

/** The least distance between polylines `a` and `b` (x, y, x, y, ...), in pixels. */
function distance(a, b) {
  let least = Infinity;
  const segments = (n) => (n.length === 2 ? [[n[0], n[1], n[0], n[1]]] : Array.from({ length: n.length / 2 - 1 }, (_, i) => n.slice(2 * i, 2 * i + 4)));
  for (const s of segments(a)) for (const t of segments(b)) least = Math.min(least, segmentDistance(s, t));
  return least;
}

/** The least distance between segments `s` and `t` ([x1, y1, x2, y2]) that do not cross: the
 * least of each end's distance to the other segment; 0 when they cross. */
function segmentDistance(s, t) {
  const cross = (ax, ay, bx, by, cx, cy) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d1 = cross(t[0], t[1], t[2], t[3], s[0], s[1]);
  const d2 = cross(t[0], t[1], t[2], t[3], s[2], s[3]);
  const d3 = cross(s[0], s[1], s[2], s[3], t[0], t[1]);
  const d4 = cross(s[0], s[1], s[2], s[3], t[2], t[3]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(toSegment(s[0], s[1], t), toSegment(s[2], s[3], t), toSegment(t[0], t[1], s), toSegment(t[2], t[3], s));
}

/** The distance from point (x, y) to segment `s` ([x1, y1, x2, y2]). */
function toSegment(x, y, s) {
  const [dx, dy] = [s[2] - s[0], s[3] - s[1]];
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s[0]) * dx + (y - s[1]) * dy) / len2));
  return Math.hypot(x - (s[0] + k * dx), y - (s[1] + k * dy));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) {
    const before = readFileSync(file, 'utf8');
    const after = compactSvg(before);
    writeFileSync(file, after);
    console.log(`${file}: ${Buffer.byteLength(before)} -> ${Buffer.byteLength(after)} bytes`);
  }
}
