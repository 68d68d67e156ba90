// The `tandem` command. `serve` runs the server and `check` checks its store; the other commands
// talk to a running server over its HTTP API (cli/call-server.ts). Flags are parsed strictly, and
// every outcome has its exit code (cli/errors.ts, SPEC 9.7, 9.8).
import { ConfigError } from './config.js';
import { checkCommand } from './cli/check.js';
import { parseCommandLine, type Command } from './cli/command.js';
import { deleteCommand } from './cli/delete.js';
import { CliError, EXIT, UsageError } from './cli/errors.js';
import { exportCommand } from './cli/export.js';
import { commandHelp, overview, usageHint, version } from './cli/help.js';
import { importCommand } from './cli/import.js';
import { listCommand } from './cli/list.js';
import { revokeCommand } from './cli/revoke.js';
import { serveCommand } from './cli/serve.js';
import { tokenCommand } from './cli/token.js';
import { tmExportCommand, tmImportCommand } from './cli/tm.js';

const commands: readonly Command[] = [serveCommand, importCommand, exportCommand, tokenCommand, listCommand, deleteCommand, revokeCommand, tmImportCommand, tmExportCommand, checkCommand];

/** `tm import …` is the command `tm import`: the memory's commands are two words. */
function twoWord(name: string, rest: string[]): [string, string[]] {
  return name === 'tm' && rest[0] !== undefined && !rest[0].startsWith('-') ? [`tm ${rest[0]}`, rest.slice(1)] : [name, rest];
}

let current: Command | undefined;

async function run([name, ...rest]: string[]): Promise<void> {
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) return void process.stdout.write(overview(commands));
  if (name === '--version') return void process.stdout.write(`${version()}\n`);
  if (name === undefined) throw new UsageError('tandem needs a command');
  // `tandem help export` is `tandem export --help`.
  if (name === 'help') {
    const [command, after] = twoWord(rest[0], rest.slice(1));
    return run([...command.split(' '), '--help', ...after]);
  }
  if (name.startsWith('-')) throw new UsageError(`Unknown option '${name}' (flags follow the command)`);
  const [command, args] = twoWord(name, rest);
  if (command === 'tm') throw new UsageError('tm needs import or export');
  current = commands.find((c) => c.name === command);
  if (!current) throw new UsageError(`unknown command '${command}'`);
  const parsed = parseCommandLine(current, args);
  if (parsed === 'help') return void process.stdout.write(commandHelp(current));
  await current.run(parsed.flags, parsed.args);
}

run(process.argv.slice(2)).catch((error) => {
  if (error instanceof CliError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n${error instanceof UsageError ? usageHint(current) : ''}`);
    process.exit(error instanceof CliError ? error.exitCode : EXIT.usage);
  }
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(EXIT.failed);
});
