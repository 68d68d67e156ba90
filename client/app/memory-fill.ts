// What "Add to memory" says once done (SPEC 18.35), on the desk and on the home page alike.
import type { MemoryFill } from './api.js';

export function memoryFillNote({ units, added }: MemoryFill): string {
  if (units === 0) return 'No confirmed segment to add: mark segments Translated, Reviewed or Approved first.';
  const segments = `${units} confirmed ${units === 1 ? 'segment' : 'segments'}`;
  return added === units ? `Added ${segments} to the translation memory.` : `Added ${segments} to the translation memory (${added} new, ${units - added} updated).`;
}
