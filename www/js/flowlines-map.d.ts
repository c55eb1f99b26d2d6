// TypeScript declarations of the <flowlines-map> element (www/js/flowlines-map.js) and of the
// messages of the iframe embed (www/embed.html, www/embed-host.js). See docs/api.md.

/** A category of the story: its id, its name in the map's language and its colour (CSS hex). */
export interface FlowlinesCategory {
  id: string;
  name: string;
  color: string;
}

/** What the map shows: the detail of `flowlines-change`. */
export interface FlowlinesView {
  /** The day shown, `YYYY-MM-DD`. */
  date: string;
  /** Whether the timeline plays. */
  playing: boolean;
  /** The ids of the categories shown, in the story's order. */
  categories: string[];
  /** The id of the highlighted stream, or null. */
  stream: string | null;
  /** The part of the globe shown: `[west, south, east, north]` in degrees. */
  extent: [number, number, number, number];
  /** The zoom factor: 1 for the whole map. */
  zoom: number;
}

/** The detail of `flowlines-ready`: the view, and what a host writing its own legend needs. */
export interface FlowlinesReadyDetail extends FlowlinesView {
  story: {
    categories: FlowlinesCategory[];
    /** The story's first and last days, `YYYY-MM-DD`. */
    start: string;
    end: string;
  };
}

/** The detail of `flowlines-error`: why the live map did not run or stopped. */
export interface FlowlinesErrorDetail {
  /** The whole message, one problem a line (`file:line:column: message`). */
  message: string;
  messages: string[];
}

/** The parts the `hide` attribute may name. */
export type FlowlinesHideable = 'title' | 'summary' | 'legend' | 'charts' | 'downloads' | 'tour';

/** The detail of `flowlines-step`: the step of the story's guided tour that opened. */
export interface FlowlinesStepDetail {
  /** Its number, from 1. */
  step: number;
  /** How many steps the story has. */
  of: number;
  /** Its id in the story. */
  id: string;
  /** The day it shows, `YYYY-MM-DD`. */
  date: string;
  /** Its text, in the map's language. */
  text: string;
}

export interface FlowlinesMapEventMap extends HTMLElementEventMap {
  'flowlines-ready': CustomEvent<FlowlinesReadyDetail>;
  'flowlines-change': CustomEvent<FlowlinesView>;
  'flowlines-error': CustomEvent<FlowlinesErrorDetail>;
  'flowlines-step': CustomEvent<FlowlinesStepDetail>;
}

/**
 * The live map. Attributes: `data`, `basemap`, `lang`, `at`, `autoplay`, `categories`,
 * `theme` (`light`, `dark`, `auto`), `mode` (`static`), `zoom`, `clock`, `hide` (a list of
 * {@link FlowlinesHideable}), `transparent`, `colors` (`"munitions:#b30000 troops:#005a9c"`),
 * `step` (a step of the story's guided tour to open), `allowed-data`, `url-params`. It reacts
 * to changes of `lang`, `at`, `categories`, `theme`, `data`, `hide`, `transparent`, `colors`
 * and `step`.
 *
 * Each command waits until the map runs and resolves to whether it was applied; a bad argument
 * is ignored with a console warning, never thrown.
 */
export declare class FlowlinesMap extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Moves the map to `isoDate` (`YYYY-MM-DD`, kept within the story's dates). */
  setDate(isoDate: string): Promise<boolean>;
  play(): Promise<boolean>;
  pause(): Promise<boolean>;
  /** Shows only the categories `ids`, or every category with null. */
  showCategories(ids: string[] | null): Promise<boolean>;
  /** Highlights stream `id` and shows its details beside it; null lets go of it. */
  focusStream(id: string | null): Promise<boolean>;
  /** Zooms and pans so that the places `placeIds` fill the map. */
  fitTo(placeIds: string[]): Promise<boolean>;
  /** Back to the map as it opened: its first date and categories, the whole map, no stream highlighted. */
  reset(): Promise<boolean>;
  /**
   * Shows story `text` (our JSON; `file` names it in messages) in place of the `data` file:
   * the map starts again with it, and nothing is fetched for it (the authoring page, new.html).
   * Resolves to whether the map runs.
   */
  showStory(file: string, text: string): Promise<boolean>;
  /**
   * Opens step `n` (from 1) of the story's guided tour: its date, categories, highlighted
   * stream or place and view; fires `flowlines-step`. A step the story lacks is ignored with a
   * console warning.
   */
  showStep(n: number): Promise<boolean>;
  /** Opens the tour's next step (the first when none is open); false at the last. */
  nextStep(): Promise<boolean>;
  /** Opens the tour's previous step; false at the first. */
  previousStep(): Promise<boolean>;
  /** The view now, or null before the map runs. */
  readonly view: FlowlinesView | null;
  /** Resolves to the view once the map runs, or to null when it will not (static mode, an error). */
  readonly ready: Promise<FlowlinesView | null>;

  addEventListener<K extends keyof FlowlinesMapEventMap>(
    type: K,
    listener: (this: FlowlinesMap, ev: FlowlinesMapEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof FlowlinesMapEventMap>(
    type: K,
    listener: (this: FlowlinesMap, ev: FlowlinesMapEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** A command the iframe embed accepts from its parent window, as the element's method of that name. */
export type FlowlinesCommandMessage =
  | { type: 'flowlines:command'; command: 'setDate'; args: [string] }
  | { type: 'flowlines:command'; command: 'play' | 'pause' | 'reset'; args?: [] }
  | { type: 'flowlines:command'; command: 'showCategories'; args: [string[] | null] }
  | { type: 'flowlines:command'; command: 'focusStream'; args: [string | null] }
  | { type: 'flowlines:command'; command: 'fitTo'; args: [string[]] }
  | { type: 'flowlines:command'; command: 'showStep'; args: [number] }
  | { type: 'flowlines:command'; command: 'nextStep' | 'previousStep'; args?: [] };

/** What the iframe embed posts to its parent window. */
export type FlowlinesEmbedMessage =
  | { type: 'flowlines:ready'; detail: FlowlinesReadyDetail }
  | { type: 'flowlines:change'; detail: FlowlinesView }
  | { type: 'flowlines:error'; detail: FlowlinesErrorDetail }
  | { type: 'flowlines:step'; detail: FlowlinesStepDetail }
  | { type: 'flowlines:height'; height: number }
  | { sentinel: 'amp'; type: 'embed-size'; height: number };

declare global {
  interface HTMLElementTagNameMap {
    'flowlines-map': FlowlinesMap;
  }
  interface Window {
    /** Set by embed-host.js. */
    flowlinesEmbedHost?: {
      send(frame: HTMLIFrameElement, command: FlowlinesCommandMessage['command'], ...args: unknown[]): void;
    };
  }
}
