// The commands a story page gives a running map (the element's methods, and the iframe embed's
// messages: see docs/api.md), and the view it reports back in `flowlines-change`. Each command
// checks its argument the way the map's settings are checked (settings.js) and ignores a bad
// one with a console warning; the day, the fit to places, the extent and the colours are the
// core's answers. Nothing here changes what data the map loads.
import { FlowMap } from '../pkg/flowlines_wasm.js';
import { dateWritten, ignored, knownCategories } from './settings.js';
import { showCategories, shownCategories } from './legend.js';

/** Look at the view for a change at most this often while the map plays (milliseconds). */
const LOOK_EVERY_MS = 200;

/**
 * The day number of `date` (`YYYY-MM-DD`), or null with a warning naming setting `name` when
 * it is not written so or no such day exists (the core's rule: 2024-02-30 does not).
 */
export function knownDay(date, name = 'at') {
  if (date == null || dateWritten(name, date) === null) return null;
  try {
    return FlowMap.day_of(date);
  } catch (e) {
    ignored(name, date, e.message);
    return null;
  }
}

/** Warns of each colour the core refused (`"munitions: colour … below 3:1"`). */
export function warnColors(refusals) {
  for (const why of refusals) {
    const at = why.indexOf(': ');
    ignored('colors', at > 0 ? why.slice(0, at) : why, at > 0 ? why.slice(at + 2) : 'refused');
  }
}

const isIdList = (v) => Array.isArray(v) && v.every((id) => typeof id === 'string');

/**
 * The commands on the map `map` in `host`. `parts` holds what they drive: `timeline`,
 * `legend` (its root), `tooltip`, `lang`, `opening` (the day and categories the map opened
 * with), `redraw()`, and `scheme()` (the theme the reader sees, light or dark).
 * Each command returns whether it was applied.
 */
export function makeCommands(host, map, parts) {
  const { timeline, legend, tooltip, lang, opening, redraw, scheme } = parts;
  let colors = parts.colors ?? '';
  let lastLook = -Infinity;
  let told = null; // the view last reported, as JSON
  let asked = false; // a command ran: look at once

  const changed = () => { asked = true; redraw(); };

  /** Colours for the theme shown, with the host's `colors`; each refusal a warning. */
  function recolour() {
    warnColors(map.set_colors(scheme(), colors));
    redraw();
  }

  const commands = {
    setDate(date) {
      const day = knownDay(date, 'setDate');
      if (day === null) return false;
      timeline.rewind = false;
      timeline.set(day);
      timeline.emit();
      asked = true;
      return true;
    },
    play() {
      if (!timeline.playing) timeline.toggle();
      asked = true;
      return true;
    },
    pause() {
      if (timeline.playing) timeline.toggle();
      asked = true;
      return true;
    },
    showCategories(ids) {
      if (ids !== null && !isIdList(ids)) {
        ignored('showCategories', JSON.stringify(ids), 'not a list of category ids, or null for all');
        return false;
      }
      const known = map.categories(lang).map((c) => c.id);
      const shown = knownCategories(ids, known);
      if (ids !== null && ids.length > 0 && shown === null) return false; // none known: nothing changes
      showCategories(legend, map, shown);
      changed();
      return true;
    },
    focusStream(id) {
      if (id === null) {
        tooltip.hide();
        changed();
        return true;
      }
      const index = typeof id === 'string' ? map.stream_index(id) : undefined;
      if (index === undefined) {
        ignored('focusStream', id, 'no such stream in the story');
        return false;
      }
      if (!Array.from(map.visible_flows()).includes(index)) {
        ignored('focusStream', id, 'the stream is not drawn at this date with these categories');
        return false;
      }
      tooltip.choose(map, index, lang);
      changed();
      return true;
    },
    fitTo(ids) {
      if (!isIdList(ids)) {
        ignored('fitTo', JSON.stringify(ids), 'not a list of place ids');
        return false;
      }
      try {
        map.fit_places(ids);
      } catch (e) {
        ignored('fitTo', ids.join(','), e.message);
        return false;
      }
      changed();
      return true;
    },
    reset() {
      tooltip.hide();
      map.reset_view();
      showCategories(legend, map, opening.categories);
      timeline.set(opening.day);
      timeline.emit();
      changed();
      return true;
    },
  };

  return {
    commands,
    /** The map's view: what `flowlines-change` reports. */
    view() {
      const focused = tooltip.keyed ? map.stream_id(tooltip.keyed.index) ?? null : null;
      return {
        date: FlowMap.date_of(timeline.day),
        playing: timeline.playing,
        categories: shownCategories(legend),
        stream: focused,
        extent: Array.from(map.extent(), (v) => Number(v.toFixed(4))),
        zoom: Number(map.zoom().toFixed(4)),
      };
    },
    /**
     * Fires `flowlines-ready` on the host, once, with the view and `story` (what a host page
     * writing its own legend or controls needs: the categories with their names and colours,
     * the first and last dates).
     */
    ready(story) {
      const view = this.view();
      told = JSON.stringify(view);
      host.dispatchEvent(new CustomEvent('flowlines-ready', { detail: { ...view, story }, bubbles: true, composed: true }));
    },
    /** Sets the host's category colours (`colors` attribute) and colours the map anew. */
    setColors(text) {
      colors = text ?? '';
      recolour();
    },
    /** The theme changed: the host's and the story's colours are checked against it again. */
    recolour,
    /**
     * Called every frame: fires `flowlines-change` on the host when the view differs from the
     * last one told (looked at every LOOK_EVERY_MS, at once after a command or a reader's act).
     */
    tick(now, force = false) {
      if (!asked && !force && now - lastLook < LOOK_EVERY_MS) return;
      asked = false;
      lastLook = now;
      const view = this.view();
      const json = JSON.stringify(view);
      if (json === told) return;
      told = json;
      host.dispatchEvent(new CustomEvent('flowlines-change', { detail: view, bubbles: true, composed: true }));
    },
  };
}
