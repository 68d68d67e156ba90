// The quick store check at every start (SPEC 4.9): what it finds is logged, and the server starts
// anyway, so one broken document never keeps the others from being served.
import type { Logger } from 'pino';
import { checkStore } from './check.js';

export function checkAtStart(dir: string, logger: Logger): void {
  try {
    const report = checkStore(dir, { full: false });
    for (const { doc, what } of report.problems) logger.error({ doc: doc ?? undefined, problem: what }, 'store check found a problem');
    const summary = { documents: report.documents, rooms: report.rooms, updates: report.updates, problems: report.problems.length, ms: Math.round(report.ms) };
    if (report.problems.length > 0) logger.warn(summary, 'the store is inconsistent: run tandem check for details');
    else logger.info(summary, 'store checked');
  } catch (error) {
    logger.error({ err: error }, 'the store check failed');
  }
}
