// The authoring page (new.html): a reporter drops files or a folder, or chooses them; the
// authoring module reads and validates them in this page (the same readers and the same
// located problems as `flowlines validate DIR`); the problems are listed as text, or the map
// starts again with the new story (`<flowlines-map>.showStory`); "Download story" saves the
// story as our JSON, written by the core, to publish. Nothing leaves the browser: the page
// fetches only its own files (its Content-Security-Policy allows nothing else).
import '../flowlines-map.js';
import { Words } from '../words.js';
import { loadAuthoring } from './authoring.js';
import { droppedFiles, chosenFiles, readTexts } from './files.js';

const $ = (id) => document.getElementById(id);
/** The settings fields, by the `story.csv` column each fills. */
const SETTINGS = { title: 'new-set-title', category: 'new-set-category', unit: 'new-set-unit', confidence: 'new-set-confidence', period: 'new-set-period' };

const lang = new URL(location.href).searchParams.get('lang') || document.documentElement.lang || 'en';
const authoring = await loadAuthoring();
const words = new Words(authoring.ui_text(lang), lang);
document.documentElement.lang = words.lang;

/** Gives the page's fixed texts their words, in the reader's language. */
function label() {
  const text = (id, value) => { $(id).textContent = value; };
  document.title = `flowlines: ${words.t('page_title')}`;
  text('new-title', words.t('page_title'));
  text('new-intro', words.t('intro'));
  text('new-drop-text', words.t('drop_here'));
  text('new-files-label', words.t('choose_files'));
  text('new-folder-label', words.t('choose_folder'));
  text('new-settings-legend', words.t('settings_legend'));
  text('new-settings-help', words.t('settings_help'));
  text('new-set-title-label', words.t('field_title'));
  text('new-set-category-label', words.t('field_category'));
  text('new-set-unit-label', words.t('field_unit'));
  text('new-set-confidence-label', words.t('field_confidence'));
  text('new-set-period-label', words.t('field_period'));
  const options = {
    '': words.t('confidence_unset'),
    confirmed: words.t('confidence_confirmed'),
    reported: words.t('confidence_reported'),
    claimed: words.t('confidence_claimed'),
    proposed: words.t('confidence_proposed'),
  };
  for (const option of $('new-set-confidence').options) option.textContent = options[option.value];
  text('new-download', words.t('download_story'));
  text('new-download-help', words.t('download_help'));
}
label();

// The map: the default story until the reporter's own reads, in the reader's language.
const map = document.createElement('flowlines-map');
map.setAttribute('lang', words.lang);
map.setAttribute('autoplay', 'false');
map.id = 'new-map';
$('new-map-box').append(map);

/** The files last given, `{names, texts}`, read again when a setting changes. */
let given = null;
/** The story last read: `{id, json}`, what "Download story" saves. */
let story = null;

/** The settings filled in, as `{column: value}`; empty fields are left out. */
function settings() {
  const out = {};
  for (const [key, id] of Object.entries(SETTINGS)) {
    const value = $(id).value.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Shows `lines` (problems) as a list of text, or hides the list when there are none. */
function showProblems(lines) {
  const list = $('new-problems');
  list.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line; // a file's text is never parsed as HTML
    return item;
  }));
  list.hidden = lines.length === 0;
}

/** Reads the files given with the settings, and shows the story or every problem. */
async function readGiven() {
  if (!given) return;
  const r = authoring.read_files(given.names, given.texts, settings(), words.lang);
  const status = $('new-status');
  const ignored = $('new-ignored');
  ignored.textContent = r.ignored.length ? words.t('ignored', r.ignored.join(', ')) : '';
  ignored.hidden = r.ignored.length === 0;
  showProblems(r.problems);
  if (r.json === null || r.json === undefined) {
    story = null;
    $('new-download').disabled = true;
    status.textContent = words.t('problems_heading', r.problems.length);
    document.body.dataset.state = 'problems';
    return;
  }
  story = { id: r.id, json: r.json };
  $('new-download').disabled = false;
  status.textContent = words.t('read_ok', words.t(`form_${r.form}`), r.title, r.places, r.streams, r.figures);
  document.body.dataset.state = 'reading-map';
  const runs = await map.showStory(`${r.id}.json`, r.json);
  if (story?.json === r.json) document.body.dataset.state = runs ? 'story' : 'map-failed';
}

/** Takes `list` (`[{name, file}]`) as the reporter's files: reads their texts, then the story. */
async function take(list) {
  if (list.length === 0) return;
  $('new-status').textContent = words.t('reading', list.length);
  const texts = await readTexts(list, (name) => authoring.is_read(name));
  given = { names: list.map((f) => f.name), texts };
  await readGiven();
}

const drop = $('new-drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.dataset.over = 'true'; });
drop.addEventListener('dragleave', () => { delete drop.dataset.over; });
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  delete drop.dataset.over;
  droppedFiles(e.dataTransfer).then(take);
});
// A drop anywhere else on the page must not open the file in the tab, leaving the page.
for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());
// The inputs are disabled in the HTML until here, so that no choice is made before it is heard.
for (const id of ['new-files', 'new-folder']) {
  $(id).addEventListener('change', (e) => { take(chosenFiles(e.target)); e.target.value = ''; });
  $(id).disabled = false;
}
for (const id of Object.values(SETTINGS)) $(id).addEventListener('change', readGiven);

$('new-download').addEventListener('click', () => {
  if (!story) return;
  const url = URL.createObjectURL(new Blob([story.json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${story.id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
document.body.dataset.state = 'waiting';
