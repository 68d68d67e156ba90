// `tandem check`: is the store consistent? One line per problem, then a summary (SPEC 9.4).
import { readConfig } from '../config.js';
import { defineCommand } from './command.js';
import { CliError, EXIT } from './errors.js';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'check the store (DATA_DIR, or DATABASE_URL); exit 1 when it finds problems',
  usage: 'check [--data-dir DIR]',
  help: `Checks the store: the SQLite store (tandem.db) in DATA_DIR, or with DATABASE_URL set the
PostgreSQL store. Read-only and in one transaction, so it is safe while servers run. Prints one line
per problem (<document id>: <what>, or store: <what>), then a summary; exits 0 when the store is
consistent, 1 when it found problems.

  --data-dir DIR       the data directory (DATA_DIR; ./data)`,
  flags: { 'data-dir': { type: 'string' } },
  args: [],
  async run(flags) {
    const config = readConfig(process.env, flags);
    // Loaded here, so the other commands start without SQLite (or the PostgreSQL driver).
    const { NoStore } = await import('../storage/check-rooms.js');
    let report;
    try {
      if (config.DATABASE_URL) {
        const { checkPostgresStore } = await import('../storage/postgres/check.js');
        report = await checkPostgresStore(config.DATABASE_URL);
      } else {
        const { checkStore } = await import('../storage/check.js');
        report = checkStore(config.DATA_DIR);
      }
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
