// The staff page's outcome messages: one place, so every form reports the same way.
import { errorText } from '../../lib/errors.ts';
import type { Flash } from '../../lib/staff-console.svelte.ts';

export class Notices {
  flash = $state.raw<Flash | null>(null);

  ok(text: string): void {
    this.flash = { kind: 'ok', text, at: Date.now() };
  }

  fail(error: { code: string; message: string }): string {
    const text = errorText(error);
    this.flash = { kind: 'error', text, at: Date.now() };
    return text;
  }
}
