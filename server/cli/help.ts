// What `tandem --help`, `tandem <command> --help` and `tandem --version` print, and the usage lines
// that follow a usage error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Command } from './command.js';

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Tandem ${version()}: a real-time translation desk.

Usage: tandem <command> [flags]

${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

tandem <command> --help (or tandem help <command>) tells a command's flags; tandem --version
prints the version.
Each command but serve and check calls a running server's HTTP API (--server or TANDEM_SERVER).

Exit status: 0 done; 1 failed (check found problems, the server refused or did not answer);
2 called wrongly (an unknown command or flag, a missing argument, a bad configuration value),
or a file it cannot read or write, no admin token, no store.
`;
}

export const commandHelp = (command: Command) => `Usage: tandem ${command.usage}\n\n${command.help}\n`;

/** After a usage error's message: how the command is called, and where to learn more. */
export const usageHint = (command: Command | undefined) =>
  command ? `\nUsage: tandem ${command.usage}\nSee tandem ${command.name} --help.\n` : `\nUsage: tandem <command> [flags]\nSee tandem --help.\n`;
