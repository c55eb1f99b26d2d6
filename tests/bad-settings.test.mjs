// A link with a bad value (a day that does not exist, an unknown theme, a category the story
// lacks) still opens the map: each such value is ignored, with a console warning that names
// it, and the setting keeps its default.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Opens `path` once the map is drawn; resolves to the page, its console warnings and errors. */
async function visit(path) {
  const visited = await open(env, path);
  await ready(visited.page);
  return visited;
}

const inMap = (page, fn) => page.evaluate(fn);

test('a day that does not exist is ignored with a warning: the map opens where the story opens (open_at)', async () => {
  const { page, warnings, errors, context } = await visit('/?at=2024-02-30&paused');
  assert.deepEqual(errors, []);
  assert.ok(warnings.some((w) => /ignored at="2024-02-30": bad date '2024-02-30': no such day/.test(w)), warnings.join('\n'));
  const { date, hidden } = await inMap(page, () => {
    const root = document.querySelector('flowlines-map').shadowRoot;
    return { date: root.getElementById('fl-date').dataset.date, hidden: root.getElementById('fl-errors').hidden };
  });
  assert.equal(hidden, true, 'no error replaces the map');
  assert.equal(date, '2024-10-13', "the map opens at the story's own open_at, as without at=");
  await context.close();
});

test('unknown or impossible values of every setting are ignored, each with a warning', async () => {
  const bad = {
    at: '13/10/2024', theme: 'purple', mode: 'holographic', zoom: '0,a,b', clock: 'soon',
    autoplay: 'maybe', lang: '<b>', categories: 'munitions,spaceships',
    hide: 'everything', transparent: 'maybe', colors: 'munitions:#fff',
  };
  const query = new URLSearchParams(bad).toString();
  const { page, warnings, errors, context } = await visit(`/?${query}`);
  assert.deepEqual(errors, []);
  for (const name of Object.keys(bad)) {
    assert.ok(warnings.some((w) => w.startsWith(`flowlines: ignored ${name}=`)), `a warning for ${name}: ${warnings.join('\n')}`);
  }
  const state = await inMap(page, () => {
    const host = document.querySelector('flowlines-map');
    const root = host.shadowRoot;
    return {
      theme: host.dataset.theme,
      live: host.dataset.static !== 'true',
      checked: [...root.querySelectorAll('#fl-legend [data-category] input')].filter((i) => i.checked).length,
    };
  });
  assert.equal(state.theme, 'light');
  assert.equal(state.live, true);
  assert.equal(state.checked, 1, 'the known category asked for is the one shown');
  await context.close();
});

test('a list of categories none of which the story has is ignored: every category shows', async () => {
  const { page, warnings, context } = await visit('/?categories=spaceships');
  assert.ok(warnings.some((w) => /ignored categories="spaceships"/.test(w)));
  const unchecked = await inMap(page, () => [...document.querySelector('flowlines-map').shadowRoot
    .querySelectorAll('#fl-legend [data-category] input')].filter((i) => !i.checked).length);
  assert.equal(unchecked, 0);
  await context.close();
});
