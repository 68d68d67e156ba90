// The QA types the page uses, in one place.
export type { QaCheck, QaIssue, QaSeverity } from '../../shared/qa/index.js';
export type { QaCounts, QaSnapshot } from './qa-store.js';
