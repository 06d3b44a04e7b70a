/**
 * A subcommand's arguments, read with Node's own `util.parseArgs`: one file or URL, options
 * given as `--name value` or `--name=value`, `--help`/`-h`. Mistakes come back as the one-line
 * reason the command prints above its usage (exit 2), never as Node's error text.
 */
import { parseArgs } from 'node:util';

export interface CommandArgs<Name extends string> {
  /** The one file or URL the command works on. */
  target: string;
  /** Options given a value (never empty). */
  values: Partial<Record<Name, string>>;
  /** Boolean flags given. */
  flags: ReadonlySet<string>;
}

export interface ArgsSpec<Name extends string> {
  /** Options that take a value, by name without the dashes. */
  values: readonly Name[];
  /** Options that take no value. */
  flags?: readonly string[];
  /** What the target is, for "give the … to …": e.g. `{ what: 'TimelineJS file or URL', verb: 'import' }`. */
  target: { what: string; verb: string };
}

export function readArgs<Name extends string>(
  args: string[],
  spec: ArgsSpec<Name>,
): CommandArgs<Name> | { usage: string } | 'help' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of spec.values) options[name] = { type: 'string' };
  for (const name of spec.flags ?? []) options[name] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    return { usage: usageProblem(cause) };
  }
  if (parsed.values.help) return 'help';
  const values: Partial<Record<Name, string>> = {};
  for (const name of spec.values) {
    const value = parsed.values[name];
    if (value === '') return { usage: `--${name} needs a value` };
    if (typeof value === 'string') values[name] = value;
  }
  const { positionals } = parsed;
  if (positionals.length !== 1) {
    const { what, verb } = spec.target;
    return {
      usage:
        positionals.length === 0
          ? `give the ${what} to ${verb}`
          : `give one file or URL to ${verb}, not ${positionals.length}`,
    };
  }
  const flags = new Set((spec.flags ?? []).filter((name) => parsed.values[name] === true));
  return { target: positionals[0]!, values, flags };
}

/** Node's parseArgs errors, as the one line our commands print. */
function usageProblem(cause: unknown): string {
  const { code, message } = cause as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // A value given to a flag that takes none (`--json-ld=x`) or no value for an option.
    return message?.includes('does not take an argument') ? `${option} takes no value` : `${option} needs a value`;
  }
  return message ?? String(cause);
}
