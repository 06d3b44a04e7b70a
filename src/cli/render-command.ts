/**
 * `newsroom-widgets render <file-or-url> --element <name> [options]`: static HTML a CMS can
 * paste, readable without JavaScript (see src/render/render-html.ts).
 *
 * Prints the HTML to stdout, or writes it to `--out`. Exit 0 rendered; 1 when the analysis
 * is invalid or has nothing for the element to show (its problems printed as `validate`
 * prints them); 2 for a usage error or an unreadable input. Never a stack trace.
 */
import { writeFile } from 'node:fs/promises';
import { RENDERABLE_ELEMENTS, RenderError, renderHtml, type RenderOptions } from '../render/index.js';
import { parseAnalysis } from '../schema/validate.js';
import { readOrReport } from './read-input.js';
import { EXIT, type CommandIo } from './validate-command.js';

export const RENDER_USAGE =
  'usage: newsroom-widgets render <file-or-url> --element <name> [--actor id] [--stance id] [--lang tag] [--theme light|dark|auto] [--json-ld] [--page-url url] [--src url] [--out file]';

const HELP = `${RENDER_USAGE}

Prints static HTML for one element with its content rendered (declarative shadow DOM), so
readers see it without JavaScript, plus the analysis in a <script type="application/json">
the element reads when the newsroom-widgets script loads (no request, no layout jump).

  --element name    ${RENDERABLE_ELEMENTS.join(', ')}
  --actor id        nw-stance-card: the actor whose stance to show
  --stance id       nw-stance-card: the stance to show (wins over --actor)
  --lang tag        the element's own words: en or es (default: the analysis's language)
  --theme name      light (default), dark or auto
  --json-ld         also print the analysis as schema.org JSON-LD
  --page-url url    with --json-ld: the page's address, for absolute ids
  --src url         where the page serves the analysis JSON: the element gets src=url
                    instead of the inline data script (one request when the script loads)
  --out file        write the HTML to this file instead of printing it`;

const VALUE_FLAGS = {
  '--element': 'element', '--actor': 'actor', '--stance': 'stance', '--lang': 'lang',
  '--theme': 'theme', '--src': 'src', '--out': 'out', '--page-url': 'pageUrl',
} as const;
type ValueFlag = keyof typeof VALUE_FLAGS;
type Values = Partial<Record<(typeof VALUE_FLAGS)[ValueFlag], string>>;

interface Parsed {
  target: string;
  options: RenderOptions;
  out?: string;
}

/** Parses the arguments, or returns the one-line reason they are wrong. */
function parseArgs(args: string[]): Parsed | { usage: string } | 'help' {
  const values: Values = {};
  let jsonLd = false;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('-') || arg === '-') {
      targets.push(arg);
      continue;
    }
    if (arg === '--json-ld') {
      jsonLd = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!Object.hasOwn(VALUE_FLAGS, flag)) return { usage: `unknown option "${flag}"` };
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return { usage: `${flag} needs a value` };
    values[VALUE_FLAGS[flag as ValueFlag]] = value;
  }
  if (targets.length !== 1) {
    return { usage: targets.length === 0 ? 'give the analysis file or URL to render' : `give one file or URL to render, not ${targets.length}` };
  }
  const { element, theme, pageUrl, out, ...rest } = values;
  if (!element) return { usage: `--element is required: one of ${RENDERABLE_ELEMENTS.join(', ')}` };
  if (!(RENDERABLE_ELEMENTS as readonly string[]).includes(element)) {
    return { usage: `--element must be one of ${RENDERABLE_ELEMENTS.join(', ')}, not "${element}"` };
  }
  if (theme !== undefined && !['light', 'dark', 'auto'].includes(theme)) {
    return { usage: `--theme must be light, dark or auto, not "${theme}"` };
  }
  if (pageUrl !== undefined && !jsonLd) return { usage: '--page-url is for --json-ld' };
  const options: RenderOptions = {
    element: element as RenderOptions['element'],
    ...rest,
    ...(theme ? { theme: theme as RenderOptions['theme'] } : {}),
    ...(jsonLd ? { jsonLd: pageUrl ? { url: pageUrl } : true } : {}),
  };
  return { target: targets[0]!, options, ...(out !== undefined ? { out } : {}) };
}

export async function renderCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if ('usage' in parsed) {
    io.err(`${parsed.usage}\n${RENDER_USAGE}`);
    return EXIT.usage;
  }
  const { target, options, out } = parsed;

  const text = await readOrReport(target, io.err);
  if (text === undefined) return EXIT.usage;
  const result = parseAnalysis(text);
  if (!result.ok && result.error.code === 'json') {
    // Unreadable input, not an invalid analysis: the same exit as `validate`.
    io.err(`${target}: ${result.error.message}`);
    return EXIT.usage;
  }

  let html: string;
  try {
    if (!result.ok) throw new RenderError(result.error);
    html = await renderHtml(result.analysis, options);
  } catch (cause) {
    if (!(cause instanceof RenderError)) throw cause;
    // As `validate` prints them (on stderr: stdout is for the HTML), and the same exit code.
    io.err(`${target}: ${cause.error.message} [${cause.error.code}]`);
    for (const issue of cause.error.issues ?? []) io.err(`  ${issue.path || '(document)'}: ${issue.message}`);
    return EXIT.invalid;
  }

  if (out === undefined) {
    io.out(html.replace(/\n$/, ''));
    return EXIT.ok;
  }
  try {
    await writeFile(out, html, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unwritable');
    io.err(`cannot write ${out}: ${reason}`);
    return EXIT.usage;
  }
  io.err(`${target}: wrote <${options.element}> to ${out}`);
  return EXIT.ok;
}
