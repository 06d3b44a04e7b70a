/**
 * `newsroom-widgets validate <file-or-url>...`: for editors and newsroom CI.
 *
 * Exit codes: 0 all valid, 1 any invalid, 2 usage error or unreadable input.
 * User errors are one readable line each; never a stack trace.
 */
import type { Analysis } from '../schema/analysis.js';
import { parseAnalysis, type AnalysisError } from '../schema/validate.js';
import { readOrReport } from './command-files.js';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** An invalid analysis's problems, one line each, as `validate` prints them (on `write`). */
export function reportProblems(target: string, error: AnalysisError, write: (line: string) => void): void {
  write(`${target}: ${error.message} [${error.code}]`);
  for (const issue of error.issues ?? []) write(`  ${issue.path || '(document)'}: ${issue.message}`);
}

/**
 * Reads and validates every target, in order: `onValid` for each valid one; a line for each
 * unreadable one (exit 2) and the problems of each invalid one on `problems` (exit 1, unless
 * something was unreadable). What `validate` and `publish` share.
 */
export async function readAnalyses(
  targets: readonly string[],
  io: CommandIo,
  problems: (line: string) => void,
  onValid: (target: string, analysis: Analysis) => void,
): Promise<number> {
  let exit: number = EXIT.ok;
  for (const target of targets) {
    const text = await readOrReport(target, io.err);
    if (text === undefined) {
      exit = EXIT.usage;
      continue;
    }
    const result = parseAnalysis(text);
    if (result.ok) onValid(target, result.analysis);
    else if (result.error.code === 'json') {
      // Unreadable input, not an invalid analysis: the same exit as a missing file.
      io.err(`${target}: ${result.error.message}`);
      exit = EXIT.usage;
    } else {
      reportProblems(target, result.error, problems);
      if (exit === EXIT.ok) exit = EXIT.invalid;
    }
  }
  return exit;
}

export async function validateCommand(targets: string[], io: CommandIo): Promise<number> {
  if (targets.length === 0) {
    io.err('usage: newsroom-widgets validate <file-or-url>...');
    return EXIT.usage;
  }
  return readAnalyses(targets, io, io.out, (target) => io.out(`${target}: ok`));
}
