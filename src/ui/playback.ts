/**
 * The timeline under the charts: play, pause, speed, step, jump to the
 * crossings. It owns only the clock; every view follows the clock from the store.
 */
import { h } from "./dom.ts";
import type { Messages } from "./i18n.ts";

export interface PlaybackModel {
  /** Event times in counting order. */
  times: Float64Array;
  maxTime: number;
  repostCrossing: number | null;
  viewCrossing: number | null;
  thresholds: { reposts: number; views: number };
}

export const SPEEDS = [60, 600, 3600, 21600] as const;

export class Playback {
  readonly element: HTMLElement;
  private model: PlaybackModel = {
    times: new Float64Array(0),
    maxTime: 1,
    repostCrossing: null,
    viewCrossing: null,
    thresholds: { reposts: 500, views: 5000 },
  };
  private clock = Number.POSITIVE_INFINITY;
  private playing = false;
  private speed: number = SPEEDS[1];
  private frame = 0;
  private last = 0;
  private playButton!: HTMLButtonElement;
  private slider!: HTMLInputElement;
  private readout!: HTMLOutputElement;
  private jumpReposts!: HTMLButtonElement;
  private jumpViews!: HTMLButtonElement;
  private reducedMotion =
    typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

  constructor(
    private m: Messages,
    private onClock: (clock: number) => void,
  ) {
    this.element = h("div", { class: "playback", role: "group" });
    this.build();
  }

  /** Another language: the same timeline, clock, speed and playing state, in new words. */
  setMessages(m: Messages): void {
    this.m = m;
    this.build();
  }

  private build(): void {
    const m = this.m;
    this.playButton = h("button", { type: "button", class: "play", "aria-keyshortcuts": "Space" }, m.play);
    this.playButton.addEventListener("click", () => this.toggle());
    const back = h(
      "button",
      { type: "button", "aria-label": m.stepBack, "aria-keyshortcuts": "ArrowLeft" },
      "‹",
    );
    back.addEventListener("click", () => this.step(-1));
    const forward = h(
      "button",
      { type: "button", "aria-label": m.stepForward, "aria-keyshortcuts": "ArrowRight" },
      "›",
    );
    forward.addEventListener("click", () => this.step(1));
    this.slider = h("input", { type: "range", id: "playback-time", min: 0, max: 1, step: "any", value: 1 });
    this.slider.addEventListener("input", () => {
      this.pause();
      const value = Number(this.slider.value);
      this.set(value >= this.model.maxTime ? Number.POSITIVE_INFINITY : value);
    });
    this.readout = h("output", { for: "playback-time", class: "readout" });
    const speed = h(
      "select",
      { id: "playback-speed" },
      ...SPEEDS.map((s) => h("option", { value: s, selected: s === this.speed }, m.speedLabel(s))),
    );
    speed.addEventListener("change", () => {
      this.speed = Number(speed.value);
    });
    this.jumpReposts = h("button", { type: "button" });
    this.jumpReposts.addEventListener("click", () => this.jumpTo(this.model.repostCrossing));
    this.jumpViews = h("button", { type: "button" });
    this.jumpViews.addEventListener("click", () => this.jumpTo(this.model.viewCrossing));
    this.element.setAttribute("aria-label", m.timeline);
    this.element.replaceChildren(
      this.playButton,
      back,
      forward,
      h("label", { for: "playback-time", class: "visually-hidden" }, m.time),
      this.slider,
      this.readout,
      h("label", { for: "playback-speed" }, m.speed),
      speed,
      this.jumpReposts,
      this.jumpViews,
    );
    this.setModel(this.model);
  }

  setModel(model: PlaybackModel): void {
    this.model = model;
    this.slider.max = String(model.maxTime);
    this.jumpReposts.disabled = model.repostCrossing === null;
    this.jumpViews.disabled = model.viewCrossing === null;
    this.jumpReposts.textContent = this.m.jumpReposts(this.m.ordinal(model.thresholds.reposts));
    this.jumpViews.textContent = this.m.jumpViews(this.m.count(model.thresholds.views));
    if (this.clock > model.maxTime) this.clock = Number.POSITIVE_INFINITY;
    this.render();
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(fromStart = false): void {
    if (fromStart || !Number.isFinite(this.clock) || this.clock >= this.model.maxTime) this.set(0);
    this.playing = true;
    this.last = performance.now();
    this.tick();
    this.render();
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.frame);
    this.render();
  }

  /** Moves to the previous or next event. */
  step(direction: 1 | -1): void {
    this.pause();
    const { times } = this.model;
    const now = Number.isFinite(this.clock) ? this.clock : this.model.maxTime;
    let next = direction > 0 ? Number.POSITIVE_INFINITY : 0;
    for (let i = 0; i < times.length; i++) {
      if (direction > 0 && times[i] > now) {
        next = times[i];
        break;
      }
      if (direction < 0 && times[i] < now) next = times[i];
    }
    this.set(next);
  }

  jumpTo(time: number | null): void {
    if (time === null) return;
    this.pause();
    this.set(time);
  }

  toEnd(): void {
    this.pause();
    this.set(Number.POSITIVE_INFINITY);
  }

  private tick = (): void => {
    if (!this.playing) return;
    const now = performance.now();
    const elapsed = (now - this.last) / 1000;
    this.last = now;
    const next = this.clock + elapsed * this.speed;
    if (next >= this.model.maxTime) {
      this.set(Number.POSITIVE_INFINITY);
      this.pause();
      return;
    }
    this.set(next);
    // With reduced motion the clock moves in one-second steps instead of a smooth animation.
    if (this.reducedMotion) this.frame = window.setTimeout(this.tick, 1000);
    else this.frame = requestAnimationFrame(this.tick);
  };

  private set(clock: number): void {
    this.clock = clock;
    this.render();
    this.onClock(clock);
  }

  private render(): void {
    const atEnd = !Number.isFinite(this.clock);
    this.slider.value = String(atEnd ? this.model.maxTime : this.clock);
    this.readout.textContent = atEnd ? this.m.wholeRecord : `t = ${this.m.duration(this.clock)}`;
    this.playButton.textContent = this.playing ? this.m.pause : this.m.play;
    this.playButton.setAttribute("aria-pressed", String(this.playing));
  }
}
