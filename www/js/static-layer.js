// Draws what changes only with the view: routes, place dots and labels, from the core's columns.

const PLACE_RADIUS = 4;

/** Draws the static layer of `map` onto `ctx`, whose canvas is `dpr` device pixels per CSS pixel. */
export function drawStaticLayer(ctx, map, { width, height, dpr, lang }) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const xy = map.route_xy();
  const offsets = map.route_offsets();
  const colors = map.stream_colors();
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  for (let s = 0; s + 1 < offsets.length; s++) {
    const [a, b] = [offsets[s], offsets[s + 1]];
    if (b - a < 2) continue;
    ctx.strokeStyle = colors[s];
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    ctx.moveTo(xy[2 * a], xy[2 * a + 1]);
    for (let i = a + 1; i < b; i++) ctx.lineTo(xy[2 * i], xy[2 * i + 1]);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  const places = map.place_xy();
  const names = map.place_names(lang);
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < names.length; i++) {
    const [x, y] = [places[2 * i], places[2 * i + 1]];
    ctx.fillStyle = '#1d1d1f';
    ctx.beginPath();
    ctx.arc(x, y, PLACE_RADIUS, 0, 2 * Math.PI);
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(247,245,240,0.9)';
    ctx.strokeText(names[i], x + PLACE_RADIUS + 3, y);
    ctx.fillText(names[i], x + PLACE_RADIUS + 3, y);
  }
}
