// The id of an ignored QA issue: the same occurrence always has the same id, so ignoring it twice
// keeps one entry (SPEC 14.16).
import { createHash } from 'node:crypto';
import { occurrenceKey, type Occurrence } from '../../shared/qa/profile.js';

export const ignoredIdOf = (occurrence: Occurrence) => createHash('sha256').update(occurrenceKey(occurrence)).digest('base64url').slice(0, 16);
