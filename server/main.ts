// Starts Tandem: reads the configuration (the one place that does), starts the server, prints the
// admin link once, and shuts down cleanly on SIGTERM or SIGINT.
import { readConfig, type ConfigFlags } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

export async function main(flags: ConfigFlags): Promise<void> {
  const config = readConfig(process.env, flags);
  const logger = createLogger(config.LOG_LEVEL);
  const server = await startServer(config, logger);
  logger.info({ url: server.url, dataDir: config.DATA_DIR }, 'tandem listening');
  // Printed once, outside the logger, so the token never enters the logs (SPEC 9.2, 1.7).
  process.stdout.write(`Open ${config.PUBLIC_URL?.replace(/\/+$/, '') ?? server.url}/?token=${server.adminToken}\n`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));
}
