// The story's clock: a slider over the story's days, with play and pause.

/** How many story days pass per second of playing. */
const DAYS_PER_SECOND = 30;

export class Timeline {
  constructor({ input, output, button, start, end, at, playing, label }) {
    Object.assign(this, { input, output, button, start, end, label });
    this.day = Math.min(end, Math.max(start, at));
    this.playing = playing;
    input.min = String(start);
    input.max = String(end);
    input.value = String(this.day);
    input.addEventListener('input', () => this.set(Number(input.value)));
    button.addEventListener('click', () => this.toggle());
    this.render();
  }

  set(day) {
    this.day = Math.min(this.end, Math.max(this.start, day));
    this.render();
  }

  toggle() {
    this.playing = !this.playing;
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
    this.input.value = String(Math.floor(this.day));
    this.output.textContent = this.label(this.day);
    this.button.textContent = this.playing ? 'Pause' : 'Play';
    this.button.setAttribute('aria-pressed', String(this.playing));
  }
}
