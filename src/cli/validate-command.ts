/**
 * `newsroom-widgets validate <file-or-url>...`: for editors and newsroom CI.
 *
 * Exit codes: 0 all valid, 1 any invalid, 2 usage error or unreadable input.
 * User errors are one readable line each; never a stack trace.
 */
import { parseAnalysis, type AnalysisError } from '../schema/validate.js';
import { readOrReport } from './command-files.js';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

function report(target: string, error: AnalysisError, io: CommandIo): void {
  io.out(`${target}: ${error.message} [${error.code}]`);
  for (const issue of error.issues ?? []) io.out(`  ${issue.path || '(document)'}: ${issue.message}`);
}

export async function validateCommand(targets: string[], io: CommandIo): Promise<number> {
  if (targets.length === 0) {
    io.err('usage: newsroom-widgets validate <file-or-url>...');
    return EXIT.usage;
  }
  let exit: number = EXIT.ok;
  for (const target of targets) {
    const text = await readOrReport(target, io.err);
    if (text === undefined) {
      exit = EXIT.usage;
      continue;
    }
    const result = parseAnalysis(text);
    if (result.ok) {
      io.out(`${target}: ok`);
    } else if (result.error.code === 'json') {
      // Unreadable input, not an invalid analysis: the same exit as a missing file.
      io.err(`${target}: ${result.error.message}`);
      exit = EXIT.usage;
    } else {
      report(target, result.error, io);
      if (exit === EXIT.ok) exit = EXIT.invalid;
    }
  }
  return exit;
}
