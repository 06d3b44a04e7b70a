/**
 * A command's files: reading its input (a local file or an http(s) URL, as text) and writing
 * its `--out` file. Shared by every subcommand so "missing file", "is a folder" and "fetch
 * failed" read the same everywhere.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../internal/data/shared-fetch.js';

/** A problem reading the input, as opposed to the input's content being wrong. */
export class UnreadableInput extends Error {}

/** The text of a file or URL; throws {@link UnreadableInput} with a one-line reason. */
export async function readInput(target: string): Promise<string> {
  if (/^https?:\/\//i.test(target)) {
    let response: Response;
    try {
      // The elements' limit for `src`: a document a page would give up on, the command does too.
      response = await fetch(target, { signal: AbortSignal.timeout(DEFAULT_FETCH_TIMEOUT_MS) });
    } catch (cause) {
      const reason =
        cause instanceof Error && cause.name === 'TimeoutError'
          ? `timed out after ${DEFAULT_FETCH_TIMEOUT_MS / 1000} s`
          : 'could not connect';
      throw new UnreadableInput(`cannot fetch ${target}: ${reason}`);
    }
    if (!response.ok) throw new UnreadableInput(`cannot fetch ${target}: HTTP ${response.status}`);
    return response.text();
  }
  try {
    return await readFile(target, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (code ?? 'unreadable');
    throw new UnreadableInput(`cannot read ${target}: ${reason}`);
  }
}

/**
 * The text of a file or URL, or undefined after printing the one-line reason it could not
 * be read (the caller then exits 2). Unexpected errors still propagate.
 */
export async function readOrReport(target: string, err: (line: string) => void): Promise<string | undefined> {
  try {
    return await readInput(target);
  } catch (cause) {
    if (!(cause instanceof UnreadableInput)) throw cause;
    err(`${target}: ${cause.message}`);
    return undefined;
  }
}

/**
 * Writes `text` to `out`; false after printing the one-line reason it could not (the caller
 * then exits 2). Unexpected errors still propagate.
 */
export async function writeOrReport(
  out: string,
  text: string | Uint8Array,
  err: (line: string) => void,
): Promise<boolean> {
  try {
    await writeFile(out, text, typeof text === 'string' ? 'utf8' : undefined);
    return true;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    const reason =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : code;
    err(`cannot write ${out}: ${reason}`);
    return false;
  }
}
