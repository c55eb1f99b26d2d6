// Zoom and pan with mouse wheel, drag, pinch and keyboard. The core keeps the view and its
// limits; this module only turns input events into its zoom and pan calls.

const STEP = 1.5;
const PAN_STEP = 60;

/** Wires input on `container` to `map`; `changed()` redraws. Returns a pointer-tap hook setter. */
export function attachZoom(container, map, changed, { zoomIn, zoomOut, reset }) {
  const pointers = new Map();
  let pinch = null;
  let moved = false;

  const local = (e) => {
    const box = container.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  const centre = () => {
    const box = container.getBoundingClientRect();
    return [box.width / 2, box.height / 2];
  };

  container.addEventListener('wheel', (e) => {
    e.preventDefault();
    const [x, y] = local(e);
    map.zoom_at(x, y, Math.exp(-e.deltaY * 0.002));
    changed();
  }, { passive: false });

  container.addEventListener('pointerdown', (e) => {
    if (e.target.closest('button, .fl-tooltip')) return;
    container.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, local(e));
    moved = false;
  });
  container.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId)) return;
    const [x, y] = local(e);
    const [px, py] = pointers.get(e.pointerId);
    pointers.set(e.pointerId, [x, y]);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (pinch) map.zoom_at((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, d / pinch);
      pinch = d;
      moved = true;
      changed();
    } else if (Math.hypot(x - px, y - py) > 0) {
      if (Math.abs(x - px) + Math.abs(y - py) > 1) moved = true;
      map.pan_by(x - px, y - py);
      changed();
    }
  });
  const up = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
  };
  container.addEventListener('pointerup', up);
  container.addEventListener('pointercancel', up);

  container.addEventListener('keydown', (e) => {
    const keys = {
      '+': () => map.zoom_at(...centre(), STEP),
      '=': () => map.zoom_at(...centre(), STEP),
      '-': () => map.zoom_at(...centre(), 1 / STEP),
      '0': () => map.reset_view(),
      ArrowLeft: () => map.pan_by(PAN_STEP, 0),
      ArrowRight: () => map.pan_by(-PAN_STEP, 0),
      ArrowUp: () => map.pan_by(0, PAN_STEP),
      ArrowDown: () => map.pan_by(0, -PAN_STEP),
    };
    const act = keys[e.key];
    if (!act || e.target !== container) return;
    e.preventDefault();
    act();
    changed();
  });

  zoomIn.addEventListener('click', () => { map.zoom_at(...centre(), STEP); changed(); });
  zoomOut.addEventListener('click', () => { map.zoom_at(...centre(), 1 / STEP); changed(); });
  reset.addEventListener('click', () => { map.reset_view(); changed(); });

  return { wasDrag: () => moved };
}
