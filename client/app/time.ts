// "3 minutes ago", "Dec 7, 2026" for a timestamp.
let relative: Intl.RelativeTimeFormat | null = null; // made on first use: it loads locale data
let dates: Intl.DateTimeFormat | null = null;
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

export function timeAgo(at: number, now = Date.now()): string {
  let value = (at - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return unit === 'second' && Math.abs(value) < 30 ? 'just now' : (relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' })).format(Math.round(value), unit);
    value /= size;
  }
  return dateOf(at);
}

/** The day, as "Dec 7, 2026". */
export function dateOf(at: number): string {
  return (dates ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium' })).format(at);
}
