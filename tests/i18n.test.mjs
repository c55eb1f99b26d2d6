// The map in English, Korean, Ukrainian and Russian: every key the shell asks for exists in all
// four catalogs, the controls, dates and numbers are written in the element's language, and
// Korean and Ukrainian render with real glyphs (compared with committed snapshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, open, ready } from './browser.mjs';
import { matchSnapshot, MAX_DIFF_SHARE } from './snapshot.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const JS = join(HERE, '..', 'www', 'js');
const LANGS = ['en', 'ko', 'uk', 'ru'];

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Every key the shell's modules ask for, in the one form they use: `words.t('key', ...)`. */
function keysAsked() {
  const keys = new Map();
  for (const file of readdirSync(JS).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(JS, file), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*['"`]([a-z0-9_]+)['"`]/g)) {
      if (!keys.has(m[1])) keys.set(m[1], file);
    }
  }
  return keys;
}

/** In the page: the wasm catalog of each language, from `FlowMap.ui_text`, once the map
 * module has read the words file the build wrote for each language but English. */
async function catalogs(page) {
  return page.evaluate(async (langs) => {
    const { default: init, FlowMap } = await import('/pkg/flowlines_wasm.js');
    await init();
    for (const l of langs.filter((l) => l !== 'en')) {
      FlowMap.set_words(l, new Uint8Array(await (await fetch(`/words/${l}.bin`)).arrayBuffer()));
    }
    return Object.fromEntries(langs.map((l) => [l, FlowMap.ui_text(l)]));
  }, LANGS);
}

const inMap = (page, fn, arg) => page.evaluate(([src, arg]) => {
  const root = document.querySelector('flowlines-map').shadowRoot;
  return new Function('root', 'arg', `return (${src})(root, arg);`)(root, arg);
}, [fn.toString(), arg]);

test('every text key the shell asks for is in the catalog of every language', async () => {
  const asked = keysAsked();
  assert.ok(asked.size >= 40, `the scan finds the shell's keys (${asked.size})`);
  for (const key of ['play', 'pause', 'who_says', 'sanctions_heading', 'as_of', 'strongest', 'source', 'map_label', 'table_caption', 'download_png']) {
    assert.ok(asked.has(key), `the shell asks for '${key}'`);
  }
  const { page } = await open(env, '/?at=2024-10-20&paused&clock=1');
  const all = await catalogs(page);
  const englishKeys = Object.keys(all.en).sort();
  const missing = [];
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(all[lang]).sort(), englishKeys, `${lang} has the same keys as English`);
    for (const [key, file] of asked) {
      const text = all[lang][key];
      if (typeof text !== 'string' || text.trim() === '') missing.push(`${lang}: '${key}' (asked for in ${file})`);
    }
  }
  assert.deepEqual(missing, [], `keys missing from a catalog:\n${missing.join('\n')}`);
  // The translations are translations: Korean has Hangul, Ukrainian and Russian Cyrillic.
  assert.match(all.ko.play, /[\uac00-\ud7a3]/);
  assert.match(all.uk.play, /[\u0400-\u04ff]/);
  assert.match(all.ru.play, /[\u0400-\u04ff]/);
});

test('the controls, the date and the numbers are in the element\'s language', async () => {
  const expected = {
    en: { date: '20 October 2024', play: 'Play', number: '11,000' },
    ko: { date: '2024년 10월 20일', play: '재생', number: '11,000' },
    uk: { date: '20 жовтня 2024', play: 'Відтворити', number: '11\u202f000' },
    ru: { date: '20 октября 2024', play: 'Воспроизвести', number: '11\u202f000' },
  };
  for (const lang of LANGS) {
    const { page, errors, requests, warnings } = await open(env, `/?at=2024-10-20&paused&clock=1&lang=${lang}`, { width: 1280, height: 900 });
    await ready(page);
    // The map module carries English alone: a reader of another language fetches its words.
    const wordsFetched = requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/words/'));
    assert.deepEqual(wordsFetched, lang === 'en' ? [] : [`/words/${lang}.bin`], `${lang}: the words fetched`);
    assert.deepEqual(warnings.filter((w) => w.includes('words')), [], `${lang}: the words were read`);
    const all = (await catalogs(page))[lang];
    const seen = await inMap(page, (root) => ({
      date: root.getElementById('fl-date').textContent,
      machine: root.getElementById('fl-date').dataset.date,
      play: root.getElementById('fl-play').textContent,
      reset: root.getElementById('fl-reset').textContent,
      zoomIn: root.getElementById('fl-zoom-in').getAttribute('aria-label'),
      map: root.getElementById('fl-map').getAttribute('aria-label'),
      png: root.getElementById('fl-export-png').textContent,
      headings: [...root.querySelectorAll('#fl-legend h2')].map((h) => h.textContent),
      confidence: root.querySelector('[data-confidence="reported"] span').textContent,
      table: root.querySelector('#fl-table summary').textContent,
    }));
    const want = expected[lang];
    assert.equal(seen.date, want.date, lang);
    assert.equal(seen.machine, '2024-10-20', `${lang}: data-date stays machine-readable`);
    assert.equal(seen.play, want.play);
    assert.equal(seen.reset, all.reset);
    assert.equal(seen.zoomIn, all.zoom_in);
    assert.equal(seen.map, all.map_label);
    assert.equal(seen.png, all.download_png);
    assert.deepEqual(seen.headings, [all.what_moves, all.how_sure, all.marks]);
    assert.equal(seen.confidence, all.reported);
    assert.equal(seen.table, all.table_show);
    // Numbers grouped the language's way, in the live summary written from the data.
    await page.waitForFunction(() => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-now').textContent.length > 0);
    const now = await inMap(page, (root) => root.getElementById('fl-now').textContent);
    assert.ok(now.includes(want.number), `${lang}: ${now}`);
    assert.ok(now.includes(want.date), `${lang}: ${now}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

/**
 * In the page: draws each distinct letter of the title, in the title's own font, into a canvas
 * and fingerprints its pixels. Tofu (a missing glyph) draws the same box for every letter; real
 * glyphs differ from each other and from the box of a letter no font has.
 */
async function glyphCheck(page) {
  return inMap(page, (root) => {
    const title = root.getElementById('fl-title');
    const style = getComputedStyle(title);
    const font = `${style.fontWeight} 32px ${style.fontFamily}`;
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const print = (ch) => {
      ctx.clearRect(0, 0, 48, 48);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 4, 4);
      const { data } = ctx.getImageData(0, 0, 48, 48);
      let hash = 0;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) {
        hash = (hash * 31 + data[i]) | 0;
        if (data[i] > 0) ink++;
      }
      return { hash, ink, width: ctx.measureText(ch).width };
    };
    const letters = [...new Set([...title.textContent].filter((c) => /\p{L}/u.test(c)))];
    const tofu = print('\uE000'); // a private-use code point: no font draws it
    const prints = letters.map(print);
    return {
      title: title.textContent,
      letters: letters.length,
      distinct: new Set(prints.map((p) => p.hash)).size,
      inked: prints.filter((p) => p.ink > 20).length,
      likeTofu: prints.filter((p) => p.hash === tofu.hash).length,
    };
  });
}

for (const [lang, script] of [['ko', /[\uac00-\ud7a3]/], ['uk', /[\u0400-\u04ff]/]]) {
  test(`in ${lang === 'ko' ? 'Korean' : 'Ukrainian'} the map renders real glyphs and matches its snapshot`, async () => {
    const { page, errors } = await open(env, `/?at=2024-10-20&paused&clock=1&lang=${lang}`, { width: 1280, height: 900 });
    await ready(page);
    await page.evaluate(() => document.fonts.ready);
    const g = await glyphCheck(page);
    assert.match(g.title, script);
    assert.ok(g.letters >= 5, g.title);
    assert.equal(g.inked, g.letters, `every letter of "${g.title}" draws something`);
    assert.equal(g.likeTofu, 0, `no letter of "${g.title}" is drawn as a missing-glyph box`);
    assert.ok(g.distinct >= Math.ceil(g.letters * 0.9), `${g.distinct} distinct glyphs for ${g.letters} letters: not tofu`);
    if (lang === 'ko') {
      assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK KR"', '한')), 'the Korean font is there');
    }
    await page.mouse.move(0, 0);
    await page.waitForTimeout(150);
    const top = await page.locator('#fl-title').boundingBox();
    const stage = await page.locator('.fl-stage').boundingBox();
    const clip = {
      x: Math.floor(stage.x), y: Math.floor(top.y),
      width: Math.round(stage.width), height: Math.round(stage.y + stage.height - top.y),
    };
    const png = await page.screenshot({ clip });
    const { share, ok } = matchSnapshot(png, `map-${lang}-2024-10-20`);
    assert.ok(ok, `${(share * 100).toFixed(2)} % of pixels differ (tolerance ${MAX_DIFF_SHARE * 100} %)`);
    assert.deepEqual(errors, []);
  });
}

test('without a lang attribute the map takes the host page\'s language, the data\'s own texts included', async () => {
  const { openHtml } = await import('./pages.mjs');
  const { page, errors, context } = await openHtml(env,
    '<div lang="ru"><flowlines-map at="2024-10-20" autoplay="false" clock="1"></flowlines-map></div>',
    { width: 1280, height: 900 });
  await ready(page);
  assert.equal(await inMap(page, (root) => root.getElementById('fl-date').textContent), '20 октября 2024');
  // Every flow's tooltip, stepped through with the keyboard.
  await inMap(page, (root) => root.getElementById('fl-map').focus());
  const count = await inMap(page, (root) => root.querySelectorAll('#fl-table tbody tr').length);
  const texts = [];
  for (let k = 0; k < Math.max(count, 8); k++) {
    await page.keyboard.press('n');
    // The documents' own words stay in their language (English): the rest must be Russian.
    texts.push(await inMap(page, (root) => {
      const tip = root.getElementById('fl-tooltip').cloneNode(true);
      for (const q of tip.querySelectorAll('.fl-quote')) q.remove();
      return tip.textContent;
    }));
  }
  const seen = texts.join('\n');
  // The data's claimants and source titles in Russian, never in English.
  const story = JSON.parse(readFileSync(join(HERE, '..', 'data', 'nk-russia.json'), 'utf8'));
  const roles = story.observations.map((o) => o.claimant.role).filter(Boolean);
  const titles = story.sources.map((s) => s.title);
  for (const t of [...roles, ...titles]) assert.ok(!seen.includes(t.en), `English in the Russian map: ${t.en}`);
  const russian = [...new Set([...roles, ...titles].map((t) => t.ru))].filter((t) => seen.includes(t));
  assert.ok(russian.length >= 4, `the data's own texts in Russian: ${russian.join(' | ')}`);
  // Periods and reporting dates are written as Russian dates, not ISO dates joined by "to".
  assert.doesNotMatch(seen, / to |\d{4}-\d{2}-\d{2} /, seen);
  assert.match(seen, /(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a map whose language changes reads the new language\'s words, and English needs none', async () => {
  const { page, errors, warnings, requests, context } = await open(env, '/?at=2024-10-20&paused&clock=1', { width: 1280, height: 900 });
  await ready(page);
  const playSays = (text) => page.waitForFunction(
    (t) => document.querySelector('flowlines-map').shadowRoot.getElementById('fl-play')?.textContent === t, text, { timeout: 20000 });
  await playSays('Play');
  for (const [lang, play] of [['uk', 'Відтворити'], ['ru', 'Воспроизвести'], ['en', 'Play']]) {
    await page.evaluate((l) => document.querySelector('flowlines-map').setAttribute('lang', l), lang);
    await playSays(play);
  }
  const fetched = requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/words/'));
  assert.deepEqual(fetched, ['/words/uk.bin', '/words/ru.bin']);
  assert.deepEqual(warnings.filter((w) => w.includes('words')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the static image and its text are in the reader\'s language too', async () => {
  const alt = JSON.parse(readFileSync(join(HERE, '..', 'data', 'fallback-alt.json'), 'utf8'));
  for (const [lang, script] of [['ko', /[\uac00-\ud7a3]/], ['uk', /[\u0400-\u04ff]/], ['ru', /[\u0400-\u04ff]/]]) {
    const { page, errors, requests } = await open(env, `/?mode=static&lang=${lang}`, { width: 1280, height: 900 });
    await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.static === 'true');
    await page.waitForFunction(() => document.getElementById('fl-fallback').complete);
    // The alt text comes in its own small file, read only in that language (static/map-ko.txt).
    await page.waitForFunction((text) => document.getElementById('fl-fallback').alt === text, alt[lang]);
    const img = await page.evaluate(() => {
      const i = document.getElementById('fl-fallback');
      return { src: i.currentSrc || i.src, alt: i.alt, width: i.naturalWidth };
    });
    assert.ok(img.src.endsWith(`/static/map-${lang}.png`), img.src);
    assert.equal(img.width, 1200, `${lang}: the image loaded`);
    assert.match(img.alt, script, `${lang}: ${img.alt}`);
    assert.ok(requests.some((u) => u.endsWith(`/static/map-${lang}.png`)));
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

test('the pages write the fallback image\'s English alt text as its one source has it, and fetch no other language\'s', async () => {
  const alt = JSON.parse(readFileSync(join(HERE, '..', 'data', 'fallback-alt.json'), 'utf8'));
  for (const file of ['index.html', 'embed.html']) {
    const html = readFileSync(join(HERE, '..', 'www', file), 'utf8');
    const written = html.match(/<img slot="fallback"[^>]*\salt="([^"]*)"/)[1];
    assert.equal(written, alt.en, `${file}: the English alt text`);
    assert.doesNotMatch(html, /data-alt-/, `${file}: other languages come from static/map-<lang>.txt`);
  }
  const { page, requests, context } = await open(env, '/?mode=static', { width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector('flowlines-map')?.dataset.static === 'true');
  assert.equal(await page.evaluate(() => document.getElementById('fl-fallback').alt), alt.en);
  assert.deepEqual(requests.filter((u) => u.endsWith('.txt')), [], 'an English reader fetches no alt text');
  await context.close();
});

test('the document and the map say which language they are in, on the page and in the embed', async () => {
  for (const path of ['/', '/embed.html']) {
    for (const lang of ['ko', 'uk', 'ru', 'en']) {
      const { page, errors, context } = await open(env, `${path}?lang=${lang}&paused&clock=1`);
      const said = await page.evaluate(() => ({
        html: document.documentElement.lang,
        map: document.querySelector('flowlines-map').shadowRoot.querySelector('.fl-app').lang,
      }));
      assert.deepEqual(said, { html: lang, map: lang }, `${path}?lang=${lang}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
  // On a host's article, the element's language is its own: the article's stays.
  const { page, context } = await open(env, '/examples/two-maps.html');
  const langs = await page.evaluate(() => ({
    html: document.documentElement.lang,
    maps: [...document.querySelectorAll('flowlines-map')].map((m) => m.shadowRoot.querySelector('.fl-app').lang),
  }));
  assert.equal(langs.html, 'en');
  assert.ok(langs.maps.includes('ko') && langs.maps.includes('en'), JSON.stringify(langs));
  await context.close();
});
