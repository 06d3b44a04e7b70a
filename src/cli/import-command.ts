/**
 * `newsroom-widgets import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]`:
 * turns a TimelineJS 3 JSON file into an analysis document.
 *
 * Prints the analysis (JSON, 2-space indent) to stdout, or writes it to `--out`; each
 * warning goes to stderr as one line starting "warning: ". Exit 0 when imported; 2 for
 * a usage error, an unreadable input, or a file that is not TimelineJS (one line why).
 */
import { writeFile } from 'node:fs/promises';
import { checkImportOptions, parseTimelineJS, type TimelineImportOptions } from '../import/timelinejs.js';
import { readOrReport } from './read-input.js';
import { EXIT, type CommandIo } from './validate-command.js';

export const IMPORT_USAGE = 'usage: newsroom-widgets import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]';

const HELP = `${IMPORT_USAGE}

Converts a TimelineJS 3 JSON file into an analysis: each event becomes a statement,
groups become actors, HTML becomes plain text, http(s) media become sources.

  --id slug    the analysis id (default: from the title slide's headline)
  --lang tag   the analysis language, e.g. es (default: en)
  --out file   write the analysis to this file instead of printing it`;

const FLAGS = { '--id': 'id', '--lang': 'language', '--out': 'out' } as const;
type Flag = keyof typeof FLAGS;
const OPTION_FLAG: Record<keyof TimelineImportOptions, Flag> = { id: '--id', language: '--lang' };

interface Parsed {
  target: string;
  options: TimelineImportOptions;
  out?: string;
}

/** Parses the arguments, or returns the one-line reason they are wrong. */
function parseArgs(args: string[]): Parsed | { usage: string } | 'help' {
  const values: Partial<Record<(typeof FLAGS)[Flag], string>> = {};
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('-') || arg === '-') {
      targets.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!Object.hasOwn(FLAGS, flag)) return { usage: `unknown option "${flag}"` };
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return { usage: `${flag} needs a value` };
    values[FLAGS[flag as Flag]] = value;
  }
  if (targets.length !== 1) {
    return { usage: targets.length === 0 ? 'give the TimelineJS file or URL to import' : `give one file or URL to import, not ${targets.length}` };
  }
  const options: TimelineImportOptions = {};
  if (values.id !== undefined) options.id = values.id;
  if (values.language !== undefined) options.language = values.language;
  return { target: targets[0]!, options, ...(values.out !== undefined ? { out: values.out } : {}) };
}

export async function importTimelineJSCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if ('usage' in parsed) {
    io.err(`${parsed.usage}\n${IMPORT_USAGE}`);
    return EXIT.usage;
  }
  const { target, options, out } = parsed;

  // Wrong options are the caller's mistake, not the file's: say so before reading anything.
  const [optionProblem] = checkImportOptions(options);
  if (optionProblem) {
    io.err(`${OPTION_FLAG[optionProblem.option]} ${optionProblem.message}`);
    return EXIT.usage;
  }

  const text = await readOrReport(target, io.err);
  if (text === undefined) return EXIT.usage;

  const result = parseTimelineJS(text, options);
  if (!result.ok) {
    io.err(`${target}: ${result.error.message}`);
    return EXIT.usage;
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);

  const json = JSON.stringify(result.analysis, null, 2);
  if (out === undefined) {
    io.out(json);
    return EXIT.ok;
  }
  try {
    await writeFile(out, `${json}\n`, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unwritable');
    io.err(`cannot write ${out}: ${reason}`);
    return EXIT.usage;
  }
  const { statements, actors, sources } = result.analysis;
  io.out(`${target}: imported ${statements.length} statements, ${actors.length} actors, ${sources.length} sources into ${out}`);
  return EXIT.ok;
}
