// The detail inset and the zoom controls, where the core framed them: a second canvas over the
// box the core chose (drawn by the same code as the map, from the core's inset columns), the
// outline on the map of the region it details, and the controls in the corner the core left
// free. What is under the pointer in the inset is asked of the core too.
import { drawStaticLayer } from './static-layer.js';
import { styleTable } from './style-table.js';

/**
 * Wires the inset box `box` (with its canvas `canvas`) and the zoom controls `controls` of a
 * map. Returns `{ measure, layout, draw, hit }`, called by app.js.
 */
export function mountInset({ box, canvas, controls }) {
  const ctx = canvas.getContext('2d');
  let shown = [];

  const inside = (x, y) => shown.length === 4
    && x >= shown[0] && x <= shown[0] + shown[2] && y >= shown[1] && y <= shown[1] + shown[3];

  return {
    /** Before a resize: tells the core how much room the controls take. */
    measure(map) {
      const r = controls.getBoundingClientRect();
      map.set_controls_size(r.width, r.height);
    },

    /** After a resize: the controls go to the corner the core chose. */
    layout(map) {
      controls.dataset.corner = map.controls_corner();
    },

    /**
     * With the map's static layer: the outline of the detailed region on the map (`mapCtx`),
     * then the inset, shown only while the core shows it (not when zoomed in).
     */
    draw(map, mapCtx, { dpr, lang }) {
      const b = Array.from(map.inset_box());
      shown = b;
      box.hidden = b.length !== 4;
      if (box.hidden) return;
      const [x, y, width, height] = b;
      // Placed through the CSSOM, which a strict style-src allows.
      Object.assign(box.style, { left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px` });
      const [w, h] = [Math.round(width * dpr), Math.round(height * dpr)];
      if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
      outline(mapCtx, map.inset_outline(), dpr, styleTable(map));
      map.focus_inset(true);
      try {
        drawStaticLayer(ctx, map, { width, height, dpr, lang });
      } finally {
        map.focus_inset(false);
      }
    },

    /** What is under (`x`, `y`) map pixels: asked of the inset where it covers the map. */
    hit(map, x, y) {
      if (!inside(x, y)) return map.hit(x, y);
      map.focus_inset(true);
      try {
        return map.hit(x - shown[0], y - shown[1]);
      } finally {
        map.focus_inset(false);
      }
    },
  };
}

/** Strokes the ring `xy` (CSS pixels) on `ctx`, whose canvas is `dpr` device pixels a pixel, as the core's table `look` says. */
function outline(ctx, xy, dpr, look) {
  if (xy.length < 6) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(xy[0], xy[1]);
  for (let i = 2; i + 1 < xy.length; i += 2) ctx.lineTo(xy[i], xy[i + 1]);
  ctx.closePath();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = getComputedStyle(ctx.canvas).getPropertyValue('--fl-muted').trim() || look.colors.muted;
  ctx.setLineDash(look.insetDash);
  ctx.stroke();
  ctx.restore();
}
