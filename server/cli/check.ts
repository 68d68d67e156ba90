// `tandem check`: is the store consistent? One line per problem, then a summary (SPEC 9.4).
import { readConfig } from '../config.js';
import { defineCommand } from './command.js';
import { CliError, EXIT } from './errors.js';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'check the store in DATA_DIR; exit 1 when it finds problems',
  usage: 'check [--data-dir DIR]',
  help: `Checks the SQLite store (tandem.db) in DATA_DIR: read-only and in one transaction, so it is safe
while a server runs. Prints one line per problem (<document id>: <what>, or store: <what>), then a
summary; exits 0 when the store is consistent, 1 when it found problems. It reads SQLite only: with
DATABASE_URL set (the PostgreSQL store) it refuses (exit 2).

  --data-dir DIR       the data directory (DATA_DIR; ./data)`,
  flags: { 'data-dir': { type: 'string' } },
  args: [],
  async run(flags) {
    const config = readConfig(process.env, flags);
    // The check reads SQLite's file itself; PostgreSQL's store is not checked by it (SPEC 17.7).
    if (config.DATABASE_URL) {
      throw new CliError('tandem check checks the embedded SQLite store in DATA_DIR only, and DATABASE_URL is set: the PostgreSQL store is not checked by it (unset DATABASE_URL to check a SQLite store)', EXIT.usage);
    }
    const dir = config.DATA_DIR;
    // Loaded here, so the other commands start without SQLite.
    const { checkStore, NoStore } = await import('../storage/check.js');
    let report;
    try {
      report = checkStore(dir);
    } catch (error) {
      if (error instanceof NoStore) throw new CliError(error.message);
      throw error;
    }
    for (const { doc, what } of report.problems) process.stdout.write(`${doc ?? 'store'}: ${what}\n`);
    const found = report.problems.length;
    const checked = `${count(report.documents, 'document')} (${count(report.rooms, 'room')}, ${count(report.updates, 'stored update')})`;
    process.stdout.write(`checked ${checked} in ${Math.round(report.ms)} ms: ${found === 0 ? 'consistent' : count(found, 'problem')}\n`);
    if (found > 0) process.exitCode = EXIT.failed;
  },
});
