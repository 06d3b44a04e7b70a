/**
 * `newsroom-widgets publish <analysis.json…> --out DIR --base-url URL [--provider-name NAME]`:
 * a static embed site to upload to any web server or CDN (see src/publish/site.ts): for each
 * analysis, every view's embed page with oEmbed discovery, its oEmbed JSON, its static HTML,
 * and an index; `embed.js` beside them.
 *
 * Exit 0 written; 1 when an analysis is invalid (its problems printed as `validate` prints
 * them; nothing is written); 2 for a usage error, an unreadable input, a missing build or a
 * folder that cannot be written. Never a stack trace.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { localeReady } from '../internal/i18n/locale.js';
import { RenderError, staticStylesheet } from '../render/index.js';
import type { Analysis } from '../schema/analysis.js';
import { VERSION } from '../version.js';
import { cdnIntegrity, embedScriptPath, measureScriptPath } from '../publish/assets.js';
import { estimateHeight, findChromium, measureHeights } from '../publish/heights.js';
import { renderViews } from '../publish/render-views.js';
import {
  analysisFiles,
  embedPageHtml,
  isViewFileName,
  normalizeBaseUrl,
  STYLESHEET_FILE,
  type PlannedView,
} from '../publish/site.js';
import { EXIT, readAnalyses, reportProblems, type CommandIo } from './validate-command.js';

export const PUBLISH_USAGE =
  'usage: newsroom-widgets publish <analysis.json>... --out DIR --base-url URL [--provider-name NAME]';

const HELP = `${PUBLISH_USAGE}

Writes a static embed site to upload as it is to any web server or CDN (no CORS headers needed).
For each analysis, in DIR/<analysis id>/:

  index.json            every view: its embed page, oEmbed JSON, static HTML, script snippet, height
  <view>.html           the embed page (paste its address in WordPress, Ghost, Drupal…: oEmbed discovery)
  <view>.oembed.json    its oEmbed answer (an iframe sized at 375 px wide, measured in Chromium if found)
  <view>.static.html    its static HTML, readable without JavaScript
  analysis.json         the analysis as validated; analysis.jsonld its schema.org JSON-LD

Views: analysis, summary, stances, sources, timeline (with statements), stance-<actor id>.
DIR/embed.js is the script the pages load, DIR/newsroom-widgets.css their static styles (no inline
style or script: the pages work under a strict Content-Security-Policy).

  --out DIR             the folder to write (created if needed)
  --base-url URL        the http(s) address DIR will have once uploaded
  --provider-name NAME  the oEmbed provider_name (default: newsroom-widgets)`;

interface Parsed {
  targets: string[];
  out: string;
  baseUrl: string;
  providerName?: string;
}

function parse(args: string[]): Parsed | { usage: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        'provider-name': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    const { code, message } = cause as { code?: string; message?: string };
    const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { usage: `unknown option "${option}"` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { usage: `${option} needs a value` };
    return { usage: message ?? String(cause) };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) return { usage: 'give the analysis files or URLs to publish' };
  if (!values.out) return { usage: '--out is required: the folder to write' };
  if (!values['base-url']) return { usage: '--base-url is required: the http(s) address the folder will have' };
  const base = normalizeBaseUrl(values['base-url']);
  if ('problem' in base) return { usage: base.problem };
  if (values['provider-name'] === '') return { usage: '--provider-name needs a value' };
  return {
    targets: positionals,
    out: values.out,
    baseUrl: base.url,
    ...(values['provider-name'] ? { providerName: values['provider-name'] } : {}),
  };
}

export async function publishCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parse(args);
  if (parsed === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if ('usage' in parsed) {
    io.err(`${parsed.usage}\n${PUBLISH_USAGE}`);
    return EXIT.usage;
  }
  const { targets, out, baseUrl } = parsed;
  const options = { baseUrl, ...(parsed.providerName ? { providerName: parsed.providerName } : {}) };

  // Every input read and checked before anything is written; problems on stderr, as stdout
  // lists what was written.
  const analyses: { target: string; analysis: Analysis }[] = [];
  const exit = await readAnalyses(targets, io, io.err, (target, analysis) => analyses.push({ target, analysis }));
  if (exit !== EXIT.ok) return exit;
  const ids = new Map<string, string>();
  for (const { target, analysis } of analyses) {
    const first = ids.get(analysis.id);
    if (first !== undefined) {
      io.err(`${target}: has the id "${analysis.id}" of ${first}; each analysis needs its own folder`);
      return EXIT.invalid;
    }
    ids.set(analysis.id, target);
  }

  const embedScript = embedScriptPath();
  const embedCode = embedScript ? await readFile(embedScript).catch(() => undefined) : undefined;
  if (!embedCode) {
    io.err('newsroom-widgets publish: dist/embed/embed.classic.js is missing; run npm run build first');
    return EXIT.usage;
  }

  const snippetSettings = { version: VERSION, integrity: cdnIntegrity() };
  const plans: { target: string; analysis: Analysis; views: PlannedView[] }[] = [];
  for (const { target, analysis } of analyses) {
    await localeReady(analysis.language); // its words, if they are a locale file
    try {
      const views = renderViews(analysis, baseUrl, snippetSettings);
      plans.push({ target, analysis, views });
    } catch (cause) {
      if (!(cause instanceof RenderError)) throw cause;
      reportProblems(target, cause.error, io.err);
      return EXIT.invalid;
    }
  }

  // Heights at 375 px wide: measured when a browser is installed, else estimated.
  const pages = new Map<string, string>();
  for (const { analysis, views } of plans)
    for (const view of views) pages.set(`${analysis.id}/${view.view}`, embedPageHtml(analysis, view, baseUrl));
  const stylesheet = staticStylesheet();
  const chromium = findChromium();
  const measureScript = measureScriptPath();
  let measured = new Map<string, number | undefined>();
  if (chromium && measureScript) measured = await measureHeights(chromium, pages, measureScript, stylesheet);
  else io.err('newsroom-widgets publish: no Chrome or Chromium found; the heights are estimates (set CHROME_PATH)');
  let missed = 0;

  const files = new Map<string, string>();
  for (const { analysis, views } of plans) {
    const heights = new Map<string, number>();
    for (const view of views) {
      let height = measured.get(`${analysis.id}/${view.view}`);
      if (height === undefined) {
        if (chromium && measureScript) missed++;
        height = estimateHeight(view.staticHtml);
      }
      heights.set(view.view, height);
    }
    for (const [path, text] of analysisFiles(analysis, views, heights, options)) files.set(path, text);
  }
  if (missed > 0)
    io.err(`newsroom-widgets publish: ${missed} view(s) could not be measured; their heights are estimates`);

  try {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'embed.js'), embedCode);
    // The words of the analyses' languages that are files of their own, beside embed.js.
    for (const lang of new Set(analyses.map(({ analysis }) => analysis.language.toLowerCase().split('-')[0]!))) {
      const words = await readFile(join(dirname(embedScript!), 'locales', `${lang}.js`)).catch(() => undefined);
      if (!words) continue;
      await mkdir(join(out, 'locales'), { recursive: true });
      await writeFile(join(out, 'locales', `${lang}.js`), words);
    }
    await writeFile(join(out, STYLESHEET_FILE), stylesheet, 'utf8');
    for (const [path, text] of files) {
      const file = join(out, ...path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
    }
  } catch (cause) {
    const { code, path } = cause as NodeJS.ErrnoException;
    if (code === undefined) throw cause;
    io.err(
      `cannot write ${path ?? out}: ${code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'not a folder' : code}`,
    );
    return EXIT.usage;
  }
  // A view an earlier publish wrote that this one did not (an actor removed, a timeline
  // emptied) would stay online and in WordPress's cache: its files go. Nothing else in the folder.
  for (const { analysis } of plans) {
    const folder = join(out, analysis.id);
    const names = await readdir(folder).catch(() => [] as string[]);
    const stale = names.filter((name) => isViewFileName(name) && !files.has(`${analysis.id}/${name}`)).sort();
    for (const name of stale) await rm(join(folder, name), { force: true });
    if (stale.length > 0)
      io.err(
        `newsroom-widgets publish: removed ${stale.length} file(s) of views no longer in ${analysis.id}: ${stale.join(', ')}`,
      );
  }
  for (const { target, analysis, views } of plans)
    io.out(`${target}: ${views.length} views in ${join(out, analysis.id)} (${baseUrl}${analysis.id}/index.json)`);
  return EXIT.ok;
}
