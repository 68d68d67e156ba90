// A moment shown as "5 minutes ago", the exact date and time on hover.
import { timeAgo } from '../home/time.js';

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
