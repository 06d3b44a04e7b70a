/**
 * `newsroom-widgets import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]`:
 * turns a TimelineJS 3 JSON file into an analysis document.
 *
 * Prints the analysis (JSON, 2-space indent) to stdout, or writes it to `--out`; each
 * warning goes to stderr as one line starting "warning: ". Exit 0 when imported; 2 for
 * a usage error, an unreadable input, or a file that is not TimelineJS (one line why).
 */
import { checkImportOptions, parseTimelineJS, type TimelineImportOptions } from '../import/timelinejs.js';
import { plural } from '../internal/i18n/plural.js';
import { readArgs } from './args.js';
import { readOrReport, writeOrReport } from './command-files.js';
import { EXIT, type CommandIo } from './validate-command.js';

export const IMPORT_USAGE =
  'usage: newsroom-widgets import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]';

const HELP = `${IMPORT_USAGE}

Converts a TimelineJS 3 JSON file into an analysis: each event becomes a statement,
groups become actors, HTML becomes plain text, http(s) media become sources.

  --id slug    the analysis id (default: from the title slide's headline)
  --lang tag   the analysis language, e.g. es (default: en)
  --out file   write the analysis to this file instead of printing it`;

const OPTION_FLAG: Record<keyof TimelineImportOptions, string> = { id: '--id', language: '--lang' };

interface Parsed {
  target: string;
  options: TimelineImportOptions;
  out?: string;
}

/** Parses the arguments, or returns the one-line reason they are wrong. */
function parseArgs(args: string[]): Parsed | { usage: string } | 'help' {
  const parsed = readArgs(args, {
    values: ['id', 'lang', 'out'],
    target: { what: 'TimelineJS file or URL', verb: 'import' },
  });
  if (parsed === 'help' || 'usage' in parsed) return parsed;
  const { id, lang, out } = parsed.values;
  const options: TimelineImportOptions = {};
  if (id !== undefined) options.id = id;
  if (lang !== undefined) options.language = lang;
  return { target: parsed.target, options, ...(out !== undefined ? { out } : {}) };
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
  if (!(await writeOrReport(out, `${json}\n`, io.err))) return EXIT.usage;
  const { statements, actors, sources } = result.analysis;
  const counts = [
    plural('en', statements.length, { one: '# statement', other: '# statements' }),
    plural('en', actors.length, { one: '# actor', other: '# actors' }),
    plural('en', sources.length, { one: '# source', other: '# sources' }),
  ];
  io.out(`${target}: imported ${counts.join(', ')} into ${out}`);
  return EXIT.ok;
}
