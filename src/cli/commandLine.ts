import { type ParseArgsConfig, parseArgs } from 'node:util';

/** What parseArgs throws for a command line it cannot read (not a bug: the user's typo). */
const USAGE_ERRORS = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

/** Every command takes `--help` (or `-h`). */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type CommandConfig = ParseArgsConfig & { args: string[]; options: typeof HELP_OPTION };

/**
 * Reads a command line strictly, so that a mistyped flag (`--jsn`) is never read as a word of a
 * question nor ends in a stack trace. Returns the parsed line, or the exit code when there is
 * nothing more to do: 0 after printing the usage for `--help`, 2 after printing the problem and
 * the usage on stderr.
 */
export function readCommandLine<const T extends CommandConfig>(
  name: string,
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ ...config, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !USAGE_ERRORS.has(code)) throw error;
    // Node adds advice about "--" that reads wrongly after npm's own "--": keep the first sentence.
    const problem = (error as Error).message.split('. ')[0]?.replace(/\.$/, '');
    process.stderr.write(`${name}: ${problem}.\n${usage}\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}
