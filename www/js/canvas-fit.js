// Sizes canvases to their container at the screen's device pixel ratio, so lines stay sharp.

/** Sizes each canvas to `container`; returns its CSS size and the device pixel ratio. */
export function fitCanvas(container, canvases) {
  const { width, height } = container.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  for (const canvas of canvases) {
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
  }
  return { width, height, dpr };
}
