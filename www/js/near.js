// Loading when needed: what a reader may never reach (the map far down an article, the charts
// under the map) is fetched only when it comes near the viewport.

/**
 * Calls `load` once `el` is within `margin` of the viewport (at once without
 * IntersectionObserver), unless `signal` (an AbortSignal, optional) aborted first.
 */
export function whenNear(el, load, margin = '300px', signal = undefined) {
  if (!('IntersectionObserver' in window)) { load(); return; }
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    load();
  }, { rootMargin: margin });
  observer.observe(el);
  signal?.addEventListener('abort', () => observer.disconnect());
}
