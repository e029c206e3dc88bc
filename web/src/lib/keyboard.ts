// Single-key shortcuts for consoles used on air. A letter typed into a field is text,
// never a command: a host correcting a name must not put a question on air.

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True when the key belongs to a field (or to a control that handles it itself). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (TYPING.has(el.tagName) || el.isContentEditable) return true;
  return el.closest('[contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}

/** The shortcut's key, or null when the event should be left alone. */
export function shortcutKey(e: KeyboardEvent): string | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if (isTypingTarget(e.target)) return null;
  const el = e.target as HTMLElement | null;
  // Enter and Space on a focused button or link already mean "press it".
  if ((e.key === 'Enter' || e.key === ' ') && el?.closest?.('button, a[href], summary, [role="button"], [role="tab"]')) return null;
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}
