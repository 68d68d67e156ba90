// `tandem serve`: runs the server, configured by the environment and these flags (README, Configuration).
import { serveFlags } from '../config.js';
import { defineCommand } from './command.js';
import { CliError, EXIT } from './errors.js';
import { StoreUnavailable } from '../storage/store.js';
import { FanoutUnavailable } from '../fanout/fanout.js';

/** A failure of the system (a port taken, a directory it may not write, a database it cannot reach) in one line; anything else as it is. */
function readable(error: unknown): unknown {
  if (error instanceof StoreUnavailable || error instanceof FanoutUnavailable) return new CliError(`tandem serve: ${error.message}`, EXIT.failed);
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (!syscall || !code) return error;
  return new CliError(`tandem serve: ${(error as Error).message}${code === 'EADDRINUSE' ? ' (is Tandem already running? choose another port with --port)' : ''}`, EXIT.failed);
}

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'run the server; prints the admin link',
  usage: 'serve [--port N] [--host H] [--data-dir DIR] [--fsync] [...]',
  help: `Runs Tandem: the desk, its HTTP API and collaboration, until SIGTERM or SIGINT. Prints
"Open http://HOST:PORT/?token=<admin token>" once. Each flag overrides its environment variable.

  --port N             HTTP and WebSocket port (PORT; 8080)
  --host H             address to listen on (HOST; 127.0.0.1)
  --data-dir DIR       where the store and the generated admin token live (DATA_DIR; ./data)
  --admin-token T      the admin's token, 16 characters or more (ADMIN_TOKEN; default: generated
                       once, kept in DATA_DIR/admin-token)
  --token-secret S     key that signs article tokens (TOKEN_SECRET; default: generated once, stored)
  --log-level L        silent, fatal, error, warn, info, debug or trace (LOG_LEVEL; info)
  --public-url URL     base of the links handed out, e.g. behind a proxy (PUBLIC_URL)
  --fsync              fsync every commit group, so stored updates survive power loss too (FSYNC=1)

The store is SQLite in DATA_DIR unless DATABASE_URL=postgres://… names a PostgreSQL database.
Limits, origins and DATABASE_URL are set in the environment only (README, Configuration).`,
  flags: serveFlags,
  args: [],
  async run(flags) {
    // Loaded here, so the other commands start without the server.
    const { main } = await import('../main.js');
    try {
      await main(flags);
    } catch (error) {
      throw readable(error);
    }
  },
});
