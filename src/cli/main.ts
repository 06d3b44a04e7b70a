/**
 * The `newsroom-widgets` command. Subcommands are dispatched here; each lives in its
 * own file. Unexpected failures print one line, not a stack trace, and exit 2.
 */
import { importTimelineJSCommand } from './import-command.js';
import { EXIT, validateCommand, type CommandIo } from './validate-command.js';

const HELP = `usage: newsroom-widgets <command>

commands:
  validate <file-or-url>...   check analysis documents; exit 0 valid, 1 invalid, 2 unreadable
  import-timelinejs <file-or-url> [--id slug] [--lang tag] [--out file]
                              convert a TimelineJS file into an analysis (JSON on stdout)
  render <file-or-url> --element <name> [--actor id] [--lang tag] [--theme name] [--json-ld] [--src url]
                              static HTML for one element, readable without JavaScript
                              (render --help for every option)
  publish <analysis.json>... --out DIR --base-url URL [--provider-name NAME]
                              a static embed site: embed pages with oEmbed discovery, oEmbed
                              JSON, static HTML and an index per analysis (publish --help)
  template --out analysis.xlsx [--lang en|es]
                              the empty analysis workbook to fill in a spreadsheet
  export-sheet <analysis.json> --out analysis.xlsx [--lang en|es]
                              an analysis as that workbook
  import-sheet <analysis.xlsx|.ods|csv-folder|url> [--out analysis.json]
                              a filled workbook read back; every problem at its cell
  import-text <article.txt> [--out draft.xlsx | draft.json]
                              an article's text (question, summary, numbered sections, [n])
                              as a draft to complete`;

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validateCommand(rest, io);
    case 'import-timelinejs':
      return importTimelineJSCommand(rest, io);
    case 'render':
      // Loaded on demand: it brings Lit, its SSR and every element, which no other command needs.
      return (await import('./render-command.js')).renderCommand(rest, io);
    case 'publish':
      // Also renders every element, so also loaded on demand.
      return (await import('./publish-command.js')).publishCommand(rest, io);
    // The workbook commands load the spreadsheet reader, which no other command needs.
    case 'template':
      return (await import('./sheet-command.js')).templateCommand(rest, io);
    case 'export-sheet':
      return (await import('./sheet-command.js')).exportSheetCommand(rest, io);
    case 'import-sheet':
      return (await import('./sheet-command.js')).importSheetCommand(rest, io);
    case 'import-text':
      return (await import('./sheet-command.js')).importTextCommand(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(HELP);
      return EXIT.ok;
    default:
      io.err(command ? `unknown command "${command}"\n${HELP}` : HELP);
      return EXIT.usage;
  }
}

export async function run(): Promise<void> {
  const io: CommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (cause) {
    io.err(`newsroom-widgets: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = EXIT.usage;
  }
}
