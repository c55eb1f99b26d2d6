// The guided tour: the story's steps (its `steps` section, handed over by the core in the
// reader's language) played one at a time through the element's own commands (setDate,
// showCategories, focusStream, fitTo, reset: commands.js), so that the tour's buttons, a host's
// script and an article that scrolls (www/examples/scrolly.html, through the element's
// `showStep`) all move the map the same way.
//
// The panel under the map: Previous, "Step n of m", Next, and the step's text in a polite live
// region, so a screen reader says each step's words once when it opens. The buttons are plain
// buttons: Tab reaches them, Enter and Space press them; with the panel focused, the left and
// right arrow keys step back and on as well.

import { ignored } from './settings.js';

/**
 * Mounts the tour of `steps` (from `FlowMap.steps(lang)`) for `host` (the element), in a panel
 * placed before `before` (the map and its legend: read first, then seen). `commands` are the element's own (commands.js:
 * the methods a host page calls); `sync()` brings the core to the timeline's day at once, so
 * that a stream drawn on the step's day can be picked out before the next frame;
 * `focusPlace(id)` picks out a place and `fitExtent(extent)` fits the view to `[west, south,
 * east, north]` degrees. `words` (words.js) names the controls; `categories` lists every
 * category id (a step that names none shows them all). A host page that tells the steps itself
 * hides the panel (`hide="tour"`, flowlines.css) and calls the element's `showStep`.
 * Returns `{count, current, show(n), next(), previous()}`, steps numbered from 1; `current` is
 * 0 until a step is shown.
 */
export function mountSteps({ host, commands, steps, before, words, categories, sync, focusPlace, fitExtent }) {
  const count = steps.length;
  let current = 0;
  const panel = buildPanel(words);
  const { prev, next, counter, text } = panel.parts;
  if (count === 0) panel.root.hidden = true;
  before.before(panel.root);

  /** Opens step `n` (1 to count); anything else is refused with a warning and changes nothing. */
  function show(n) {
    const number = Number(n);
    if (!Number.isInteger(number) || number < 1 || number > count) {
      ignored('step', n, `the story has ${count} step${count === 1 ? '' : 's'}`);
      return false;
    }
    const step = steps[number - 1];
    current = number;
    commands.pause();
    if (step.fit.length === 0 && !step.extent) commands.reset(); // the whole map; closes details
    commands.setDate(step.iso);
    commands.showCategories(step.categories ?? categories);
    if (step.fit.length > 0) commands.fitTo(step.fit);
    else if (step.extent) fitExtent(step.extent);
    sync();
    if (step.stream) commands.focusStream(step.stream);
    else if (step.place) focusPlace(step.place);
    else commands.focusStream(null);
    render();
    host.dispatchEvent(new CustomEvent('flowlines-step', {
      detail: { step: number, of: count, id: step.id, date: step.iso, text: step.text },
      bubbles: true,
      composed: true,
    }));
    return true;
  }

  function render() {
    const step = steps[current - 1];
    counter.textContent = words.t('step_of', current, count);
    // The live region is written only when the step changes, so its words are said once:
    // "Step 2 of 7." (for the ear only: the counter shows it) and the step's text.
    if (text.dataset.step !== String(current)) {
      const where = document.createElement('span');
      where.className = 'fl-sr-only';
      where.textContent = `${counter.textContent}. `;
      text.replaceChildren(where, step.text); // data text as text, never as HTML
      text.dataset.step = String(current);
    }
    // aria-disabled, not disabled: a button pressed up to the first or last step keeps focus.
    prev.setAttribute('aria-disabled', String(current <= 1));
    next.setAttribute('aria-disabled', String(current >= count));
    panel.root.dataset.step = String(current);
  }

  prev.addEventListener('click', () => { if (current > 1) show(current - 1); });
  next.addEventListener('click', () => { if (current < count) show(current + 1); });
  panel.root.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const to = e.key === 'ArrowRight' ? current + 1 : current - 1;
    if (to >= 1 && to <= count) show(to);
  });
  counter.textContent = words.t('steps_label'); // until a step is shown: "Guided tour"
  next.setAttribute('aria-disabled', String(count === 0));
  prev.setAttribute('aria-disabled', 'true');

  return {
    count,
    get current() { return current; },
    show,
    next: () => (current < count ? show(current + 1) : false),
    previous: () => (current > 1 ? show(current - 1) : false),
  };
}

/** The panel's elements, labelled in the reader's language. No data is parsed as HTML. */
function buildPanel(words) {
  const root = document.createElement('section');
  root.className = 'fl-steps';
  root.id = 'fl-steps';
  root.setAttribute('part', 'steps');
  root.setAttribute('aria-label', words.t('steps_label'));
  const row = document.createElement('div');
  row.className = 'fl-steps-row';
  const prev = document.createElement('button');
  prev.type = 'button';
  prev.id = 'fl-step-prev';
  prev.setAttribute('part', 'button');
  prev.textContent = words.t('step_previous');
  const counter = document.createElement('span');
  counter.className = 'fl-step-count';
  counter.id = 'fl-step-count';
  const next = document.createElement('button');
  next.type = 'button';
  next.id = 'fl-step-next';
  next.setAttribute('part', 'button');
  next.textContent = words.t('step_next');
  row.append(prev, counter, next);
  const text = document.createElement('p');
  text.className = 'fl-step-text';
  text.id = 'fl-step-text';
  text.setAttribute('aria-live', 'polite');
  root.append(row, text);
  return { root, parts: { prev, next, counter, text } };
}

/**
 * The tour of the running map: `mountSteps` with what it needs from app.js's map — the
 * element's `commands`, the core `map`, the `timeline`, the `tooltip` and `redraw()` — and the
 * step the settings ask to open (`step`, or null). Returns the commands it adds to the
 * element's: `showStep(n)`, `nextStep()`, `previousStep()`.
 */
export function mountTour({ $, host, map, lang, words, timeline, tooltip, redraw, commands, step }) {
  const tour = mountSteps({
    host,
    commands,
    steps: map.steps(lang),
    before: $('fl-map').closest('.fl-stage'),
    words,
    categories: map.categories(lang).map((c) => c.id),
    sync: () => { if (map.set_day(timeline.day)) redraw(); },
    focusPlace: (id) => {
      const i = map.place_index(id);
      if (i === undefined) return;
      const xy = map.place_xy();
      tooltip.show(map, { kind: 'place', index: i }, xy[2 * i], xy[2 * i + 1], lang);
    },
    fitExtent: (extent) => { map.fit_extent(...extent); redraw(); },
  });
  if (step !== null) tour.show(step);
  return { showStep: tour.show, nextStep: tour.next, previousStep: tour.previous };
}
