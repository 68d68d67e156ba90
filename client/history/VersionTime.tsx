// A moment shown as "5 minutes ago", the exact date and time on hover; a version's author and time.
import { timeAgo } from '../app/time.js';
import type { Version } from './history-api.js';

let exact: Intl.DateTimeFormat | null = null; // made on first use: it loads locale data

export function exactTime(at: number): string {
  return (exact ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

export function VersionTime({ at }: { at: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={exactTime(at)}>
      {timeAgo(at)}
    </time>
  );
}

/** Who saved a version (if anyone did) and when. */
export function VersionMeta({ version }: { version: Version }) {
  return (
    <span className="version-meta">
      {version.author && <span className="version-author">{version.author}</span>}
      <VersionTime at={version.createdAt} />
    </span>
  );
}
