// Which link targets an editor may set: web and mail addresses only (no javascript: and the like).
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol);
  } catch {
    return false;
  }
}

/** "example.org/x" → "https://example.org/x"; keeps full addresses as they are. */
export function normalizeUrl(input: string): string {
  const url = input.trim();
  if (!url) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(url)) return `mailto:${url}`;
  return `https://${url}`;
}
