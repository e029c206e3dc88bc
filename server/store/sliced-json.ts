/**
 * JSON.stringify in pieces, for a file written while the event loop keeps answering.
 *
 * An episode in a 5,000 votes/s storm holds hundreds of thousands of voter ids: one
 * JSON.stringify of it kept the loop busy for tens of milliseconds at every full write,
 * and every vote that arrived meanwhile waited (ack p99 ~60 ms inside the server). Nearly
 * all of that text is a few long lists of ids. So: plan() walks the value synchronously and
 * takes a copy of each long list of primitives (a copy of references, cheap; the strings
 * themselves never change), and text() then turns the plan into JSON a slice at a time. The
 * JSON is exactly JSON.stringify of the value as it was when plan() ran, however the value
 * changes afterwards: what group commit relies on (a write holds the state at its start).
 */

/** A list or record this long (of primitives only) is copied and serialised in slices. */
export const LONG = 1_000;
/** Items per slice of a long list or record: about a millisecond of work each. */
export const PER_SLICE = 5_000;

type Primitive = string | number | boolean | null;
export type Piece = string | { list: Primitive[] } | { keys: string[]; values: Primitive[] };

const isPrimitive = (x: unknown): x is Primitive => x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const isSkipped = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

function allPrimitive(list: readonly unknown[]): boolean {
  for (const x of list) if (!isPrimitive(x)) return false;
  return true;
}

/** The value's JSON as text pieces and copies of its long lists and records (synchronous). */
export function plan(value: unknown): Piece[] {
  const out: Piece[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(text);
    text = '';
  };
  const visit = (v: unknown, key: string): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(k: string): unknown }).toJSON(key);
    if (Array.isArray(v)) {
      if (v.length >= LONG && allPrimitive(v)) {
        flush();
        out.push({ list: v.slice() as Primitive[] });
        return;
      }
      text += '[';
      for (let i = 0; i < v.length; i++) {
        if (i) text += ',';
        const x: unknown = v[i];
        if (isSkipped(x)) text += 'null';
        else if (x !== null && typeof x === 'object') visit(x, String(i));
        else text += JSON.stringify(x);
      }
      text += ']';
      return;
    }
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length >= LONG) {
        const values = keys.map((k) => o[k]);
        if (allPrimitive(values)) {
          flush();
          out.push({ keys, values: values as Primitive[] });
          return;
        }
      }
      text += '{';
      let first = true;
      for (const k of keys) {
        const x = o[k];
        if (isSkipped(x)) continue;
        text += `${first ? '' : ','}${JSON.stringify(k)}:`;
        first = false;
        if (x !== null && typeof x === 'object') visit(x, k);
        else text += JSON.stringify(x);
      }
      text += '}';
      return;
    }
    text += JSON.stringify(v) ?? 'null';
  };
  visit(value, '');
  flush();
  return out;
}

/** The plan's JSON, one slice at a time (each a small, bounded piece of work). */
export function* text(pieces: readonly Piece[], per = PER_SLICE): Generator<string> {
  for (const p of pieces) {
    if (typeof p === 'string') {
      yield p;
    } else if ('list' in p) {
      for (let at = 0; at < p.list.length; at += per) {
        const json = JSON.stringify(p.list.slice(at, at + per));
        yield `${at === 0 ? '[' : ','}${json.slice(1, -1)}${at + per >= p.list.length ? ']' : ''}`;
      }
    } else {
      for (let at = 0; at < p.keys.length; at += per) {
        let s = at === 0 ? '{' : '';
        const end = Math.min(p.keys.length, at + per);
        for (let i = at; i < end; i++) s += `${i ? ',' : ''}${JSON.stringify(p.keys[i])}:${JSON.stringify(p.values[i])}`;
        yield end === p.keys.length ? `${s}}` : s;
      }
    }
  }
}
