import type { Component } from 'svelte';

/**
 * A component downloaded on first use instead of with the page: on a 400 kbit/s link
 * every kilobyte of the first load delays the ask form. A download that fails (the
 * phone lost its link for a moment) is tried again with a growing pause, so the part
 * of the page it draws comes back by itself.
 */
export class Lazy<P extends Record<string, any>> {
  #component = $state.raw<Component<P> | null>(null);
  #load: () => Promise<{ default: Component<P> }>;
  #started = false;

  constructor(load: () => Promise<{ default: Component<P> }>) {
    this.#load = load;
  }

  /** The component once it has arrived (null until then); the first call starts the download. */
  get(): Component<P> | null {
    if (!this.#started) {
      this.#started = true;
      void this.#fetch(1_000);
    }
    return this.#component;
  }

  async #fetch(pause: number): Promise<void> {
    try {
      this.#component = (await this.#load()).default;
    } catch {
      setTimeout(() => void this.#fetch(Math.min(pause * 2, 30_000)), pause);
    }
  }
}
