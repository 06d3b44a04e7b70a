/**
 * `newsroom-widgets render <file-or-url> --element <name> [options]`: static HTML a CMS can
 * paste, readable without JavaScript (see src/render/render-html.ts).
 *
 * Prints the HTML to stdout, or writes it to `--out`; `--write-stylesheet FILE` writes the
 * stylesheet that `--stylesheet URL` renders link to (alone, without an analysis, it writes
 * only that). Exit 0 rendered; 1 when the analysis
 * is invalid or has nothing for the element to show (its problems printed as `validate`
 * prints them); 2 for a usage error or an unreadable input. Never a stack trace.
 */
import { RENDERABLE_ELEMENTS, RenderError, renderHtml, staticStylesheet, type RenderOptions } from '../render/index.js';
import { isStandaloneElement, isTheme, THEMES } from '../internal/standalone-elements.js';
import { readArgs } from './args.js';
import { readOrReport, writeOrReport } from './command-files.js';
import { EXIT, type CommandIo } from './validate-command.js';

export const RENDER_USAGE =
  'usage: newsroom-widgets render <file-or-url> --element <name> [--actor id] [--stance id] [--lang tag] [--theme light|dark|auto] [--json-ld] [--page-url url] [--src url] [--stylesheet url] [--write-stylesheet file] [--out file]';

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
  --stylesheet url  each shadow root links this stylesheet instead of an inline <style>,
                    for pages whose CSP has no 'unsafe-inline' in style-src; serve the file
                    --write-stylesheet writes there, from the page's own origin
  --write-stylesheet file
                    write that stylesheet (every element's styles, the same for any
                    analysis) to this file; without an analysis, only that
  --out file        write the HTML to this file instead of printing it`;

interface Parsed {
  target: string;
  options: RenderOptions;
  out?: string;
  writeStylesheet?: string;
}

/** `render --write-stylesheet FILE` alone (no analysis): the file to write, if that is all. */
function stylesheetOnly(args: string[]): string | undefined {
  if (args.length === 2 && args[0] === '--write-stylesheet' && args[1] && !args[1].startsWith('-')) return args[1];
  if (args.length === 1 && args[0]!.startsWith('--write-stylesheet=')) {
    return args[0]!.slice('--write-stylesheet='.length) || undefined;
  }
  return undefined;
}

/** Parses the arguments, or returns the one-line reason they are wrong. */
function parseArgs(args: string[]): Parsed | { usage: string } | 'help' {
  const parsed = readArgs(args, {
    values: ['element', 'actor', 'stance', 'lang', 'theme', 'src', 'out', 'page-url', 'stylesheet', 'write-stylesheet'],
    flags: ['json-ld'],
    target: { what: 'analysis file or URL', verb: 'render' },
  });
  if (parsed === 'help' || 'usage' in parsed) return parsed;
  const { element, theme, 'page-url': pageUrl, out, actor, stance, lang, src, stylesheet } = parsed.values;
  const writeStylesheet = parsed.values['write-stylesheet'];
  const jsonLd = parsed.flags.has('json-ld');
  if (!element) return { usage: `--element is required: one of ${RENDERABLE_ELEMENTS.join(', ')}` };
  if (!isStandaloneElement(element))
    return { usage: `--element must be one of ${RENDERABLE_ELEMENTS.join(', ')}, not "${element}"` };
  if (theme !== undefined && !isTheme(theme)) return { usage: `--theme must be ${THEMES.join(', ')}, not "${theme}"` };
  if (pageUrl !== undefined && !jsonLd) return { usage: '--page-url is for --json-ld' };
  const options: RenderOptions = {
    element,
    ...(actor !== undefined ? { actor } : {}),
    ...(stance !== undefined ? { stance } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(src !== undefined ? { src } : {}),
    ...(stylesheet !== undefined ? { stylesheet } : {}),
    ...(theme !== undefined ? { theme } : {}),
    ...(jsonLd ? { jsonLd: pageUrl ? { url: pageUrl } : true } : {}),
  };
  return {
    target: parsed.target,
    options,
    ...(out !== undefined ? { out } : {}),
    ...(writeStylesheet !== undefined ? { writeStylesheet } : {}),
  };
}

export async function renderCommand(args: string[], io: CommandIo): Promise<number> {
  const only = stylesheetOnly(args);
  if (only !== undefined) return (await writeStylesheetOrReport(only, io)) ? EXIT.ok : EXIT.usage;
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if ('usage' in parsed) {
    io.err(`${parsed.usage}\n${RENDER_USAGE}`);
    return EXIT.usage;
  }
  const { target, options, out, writeStylesheet } = parsed;

  const text = await readOrReport(target, io.err);
  if (text === undefined) return EXIT.usage;
  let html: string;
  try {
    html = await renderHtml(text, options);
  } catch (cause) {
    if (!(cause instanceof RenderError)) throw cause;
    if (cause.error.code === 'json') {
      // Unreadable input, not an invalid analysis: the same exit as `validate`.
      io.err(`${target}: ${cause.error.message}`);
      return EXIT.usage;
    }
    // As `validate` prints them (on stderr: stdout is for the HTML), and the same exit code.
    io.err(`${target}: ${cause.error.message} [${cause.error.code}]`);
    for (const issue of cause.error.issues ?? []) io.err(`  ${issue.path || '(document)'}: ${issue.message}`);
    return EXIT.invalid;
  }

  if (writeStylesheet !== undefined && !(await writeStylesheetOrReport(writeStylesheet, io))) return EXIT.usage;
  if (out === undefined) {
    io.out(html.replace(/\n$/, ''));
    return EXIT.ok;
  }
  if (!(await writeOrReport(out, html, io.err))) return EXIT.usage;
  io.err(`${target}: wrote <${options.element}> to ${out}`);
  return EXIT.ok;
}

/** Writes the static stylesheet to `file`, saying so on stderr; false (reason printed) if it cannot. */
async function writeStylesheetOrReport(file: string, io: CommandIo): Promise<boolean> {
  if (!(await writeOrReport(file, staticStylesheet(), io.err))) return false;
  io.err(`wrote the static stylesheet to ${file}`);
  return true;
}
