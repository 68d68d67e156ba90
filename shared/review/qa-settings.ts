// Where the review room keeps an article's QA profile and its ignored issues (written by the server
// only, through the HTTP API; read live by every page).
import type * as Y from 'yjs';
import { ReviewRoom } from '../schema.js';
import { cleanProfile, type IgnoredIssue, type QaProfile } from '../qa/profile.js';

export const qaProfileOf = (doc: Y.Doc): QaProfile => cleanProfile((doc.getMap(ReviewRoom.qa).get('profile') as Record<string, unknown> | undefined) ?? {});

/** Ignored issues by id. */
export const ignoredIssuesOf = (doc: Y.Doc) => doc.getMap<IgnoredIssue>(ReviewRoom.qaIgnored);
