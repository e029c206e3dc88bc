// The one way the server prints. A line that cannot be written (stdout on a full disk,
// journald gone, a pipe nobody reads: ENOSPC, EPIPE, EAGAIN) is dropped: losing a log
// line is bad, losing the show because of it is worse. console.* would throw an
// unhandled 'error' event on the stream a moment later and end the process with code 1.
import { writeSync } from 'node:fs';

type Stream = NodeJS.WriteStream & { fd?: number };

const ignore = () => undefined;

/**
 * Once per process (main.ts): an error on stdout or stderr is never unhandled. Writes
 * that failed asynchronously (pipes) surface here, after the line was already let go.
 */
export function guardStdio(): void {
  // Unconditionally: a stream piped into stdout (tsx does that) leaves its own 'error'
  // listener, which re-throws when it is the only one.
  for (const s of [process.stdout, process.stderr]) if (!s.listeners('error').includes(ignore)) s.on('error', ignore);
}

function write(stream: Stream, fd: number, line: string): void {
  const text = `${line}\n`;
  try {
    // A stream destroyed by an earlier error accepts nothing more; the descriptor itself
    // may work again once the disk has room, so try it directly.
    if (stream.destroyed || !stream.writable) writeSync(fd, text);
    else stream.write(text, ignore);
  } catch {
    // Nowhere left to say it.
  }
}

/** Start-up lines and what a host should read: stdout. */
export function info(line: string): void {
  write(process.stdout, 1, line);
}

/** Failures: stderr. The default `log` of the application and the stores. */
export function error(line: string): void {
  write(process.stderr, 2, line);
}
