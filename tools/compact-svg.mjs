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

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) {
    const before = readFileSync(file, 'utf8');
    const after = compactSvg(before);
    writeFileSync(file, after);
    console.log(`${file}: ${Buffer.byteLength(before)} -> ${Buffer.byteLength(after)} bytes`);
  }
}
