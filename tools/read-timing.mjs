// How the page's main thread fares while it reads a story: opens a fresh page on a story served
// at a same-origin path and records, in the page's own clock (ms since navigation), every task
// over 50 ms (PerformanceObserver 'longtask'), the reading's own steps (the User Timing measures
// www/js/read-in-worker.js makes: `flowlines-read-copy`, `-part`, `-map`), when the story's
// bytes had arrived (Resource Timing) and when the map was drawn (`flowlines-ready`).
// Used by tools/parse-bench.mjs (make parse-bench) and tests/story-worker.test.mjs.

/**
 * Opens `path` in a new context of `env` (tests/browser.mjs `start()`) with `text` served at
 * `storyPath`, waits until the map is drawn, and returns `{phase, tasks, steps, arrived, drawn,
 * workers, errors}`: `steps` the reading's measures `{what, start, ms}` in order, `arrived`
 * when the story's last byte had come, `phase` the read phase `{start, end}` (from `arrived` to
 * the end of the last part read), `tasks` the long tasks `{start, ms}`, `workers` the paths of
 * the workers the page started, `errors` its console errors (the browser's own 404 for
 * /favicon.ico left out).
 */
export async function readTiming(env, path, storyPath, text, { timeout = 180000 } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  try {
    await context.route(`**${storyPath}*`, (r) => r.fulfill({ body: text, contentType: 'application/json' }));
    await context.addInitScript(() => {
      const seen = { tasks: [], steps: [], drawn: null };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.tasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name.startsWith('flowlines-read-')) seen.steps.push({ what: e.name.slice(15), start: e.startTime, ms: e.duration });
        }
      }).observe({ type: 'measure', buffered: true });
      document.addEventListener('flowlines-ready', () => { seen.drawn ??= performance.now(); });
      Object.defineProperty(window, '__readTiming', { get: () => seen });
    });
    const page = await context.newPage();
    const errors = [];
    const workers = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('status of 404')) errors.push(m.text()); });
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    await page.goto(env.origin + path);
    await page.waitForFunction(() => window.__readTiming.drawn !== null, null, { timeout });
    await page.waitForTimeout(300); // the long-task entries of the last frames arrive late
    const seen = await page.evaluate((storyPath) => {
      const story = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === storyPath);
      return { ...window.__readTiming, arrived: story?.responseEnd ?? null };
    }, storyPath);
    const parts = seen.steps.filter((s) => s.what === 'part');
    const last = parts[parts.length - 1];
    const phase = { start: seen.arrived, end: last ? last.start + last.ms : null };
    return { phase, tasks: seen.tasks, steps: seen.steps, arrived: seen.arrived, drawn: seen.drawn, workers, errors };
  } finally {
    await context.close();
  }
}

/** The long tasks of `timing` (readTiming) that ran during its read phase, longest first. */
export function readPhaseTasks(timing) {
  const { start, end } = timing.phase;
  return timing.tasks.filter((t) => t.start < end && t.start + t.ms > start).sort((a, b) => b.ms - a.ms);
}
