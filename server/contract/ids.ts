// The one pattern every id and join code from outside must match before it is looked up
// or becomes part of a file name: what the server itself makes (nanoid(12), the sample's
// "sample-finished-07", "s001"), and nothing a path could be built from ("/", ".", NUL).
// Join codes have their own rule, in join-code.ts.

/** nanoid's alphabet (A-Z a-z 0-9 _ -), 1 to 40 characters: no dot, so never "." or "..". */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export function isId(x: unknown): x is string {
  return typeof x === 'string' && ID_PATTERN.test(x);
}
