// Which link targets an export keeps.

/** Relative links and http(s)/mailto/tel only; anything else (javascript:, data:) loses its link. */
export function safeHref(url: string): string | null {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme) ? url.trim() : null;
}
