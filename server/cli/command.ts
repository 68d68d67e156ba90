// One `tandem` command: how it is called, its help, its flags (node:util parseArgs options, parsed
// strictly: an unknown flag is an error) and positional arguments, and what it does.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}
type Flags = Readonly<Record<string, FlagSpec>>;
export type FlagValues<F extends Flags> = {
  [K in keyof F]?: F[K]['type'] extends 'boolean' ? boolean : F[K]['type'] extends 'string' ? string : string | boolean;
};

export interface Command<F extends Flags = Flags> {
  name: string;
  /** Its line in `tandem --help`. */
  summary: string;
  /** How it is called, after `tandem `: `export ID [--format F] [-o FILE]`. */
  usage: string;
  /** What `tandem <name> --help` prints below the usage: what it does, then its flags. */
  help: string;
  flags: F;
  /** Its positional arguments, every one required, by name (`ID`). */
  args: readonly string[];
  run(flags: FlagValues<F>, args: string[]): Promise<void> | void;
}

/** A command whose run() sees its flags typed. */
export const defineCommand = <const F extends Flags>(command: Command<F>): Command => command as unknown as Command;

/** The command's flags and arguments, or 'help' when --help (-h) is among them. */
export function parseCommandLine(command: Command, argv: string[]): { flags: FlagValues<Flags>; args: string[] } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.flags, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says what is wrong first ("Unknown option '--bogus'"), then tips on quoting.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message.split(/\n|\. To specify/)[0]);
    throw error;
  }
  const { help, ...flags } = parsed.values as Record<string, string | boolean | undefined>;
  if (help) return 'help';
  const args = parsed.positionals;
  if (args.length < command.args.length) throw new UsageError(`missing ${command.args.slice(args.length).join(' and ')}`);
  if (args.length > command.args.length) throw new UsageError(`unexpected argument '${args[command.args.length]}'`);
  return { flags, args };
}
