// The story's clock: a slider over the story's days with its events marked, and play/pause.

/** How many story days pass per second of playing. */
const DAYS_PER_SECOND = 40;

export class Timeline {
  /**
   * `label(day)` writes a day for the reader (in their language); `date(day)` as YYYY-MM-DD,
   * kept in the output's `data-date` for scripts and tests; `words` (words.js) names Play and
   * Pause.
   */
  constructor({ input, output, button, events, start, end, at, playing, rewind = false, label, date = label, words, marks = [] }) {
    Object.assign(this, { input, output, button, start, end, label, date, words });
    /** Whether Play starts from the story's start: the map opened on its first view, untouched. */
    this.rewind = rewind;
    this.day = Math.min(end, Math.max(start, at));
    this.playing = playing;
    this.listeners = [];
    input.min = String(start);
    input.max = String(end);
    input.value = String(this.day);
    input.addEventListener('input', () => { this.rewind = false; this.set(Number(input.value)); this.emit(); });
    button.addEventListener('click', () => this.toggle());
    for (const m of marks) {
      const tick = document.createElement('span');
      tick.style.left = `${(m.at * 100).toFixed(3)}%`;
      tick.title = `${m.date}: ${m.label}`;
      events.append(tick);
    }
    this.render();
  }

  /** Calls `fn(day)` whenever the reader moves the slider. */
  onChange(fn) { this.listeners.push(fn); }
  emit() { for (const fn of this.listeners) fn(this.day); }

  set(day) {
    this.day = Math.min(this.end, Math.max(this.start, day));
    this.render();
  }

  toggle() {
    this.playing = !this.playing;
    if (this.playing && this.rewind) {
      this.rewind = false;
      this.set(this.start);
      this.emit();
      return;
    }
    this.render();
  }

  /** Moves the story forward by `seconds` of wall time when playing, looping at the end. */
  advance(seconds) {
    if (!this.playing) return;
    let day = this.day + seconds * DAYS_PER_SECOND;
    if (day > this.end) day = this.start;
    this.set(day);
  }

  render() {
    const day = Math.floor(this.day);
    if (this.input.value !== String(day)) this.input.value = String(day);
    const text = this.label(this.day);
    if (this.output.textContent !== text) {
      this.output.textContent = text;
      this.output.dataset.date = this.date(this.day);
      this.input.setAttribute('aria-valuetext', text);
    }
    const action = this.playing ? this.words.t('pause') : this.words.t('play');
    if (this.button.textContent !== action) this.button.textContent = action;
    this.button.setAttribute('aria-pressed', String(this.playing));
  }
}
