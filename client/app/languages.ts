// Language names for tags. The usual newsroom languages are named from this table: building
// Intl.DisplayNames loads the browser's locale data, 40–75 ms of a fresh tab's main thread, on the
// way to an article's first paint. Other tags are named by Intl.DisplayNames, made on first use.

/** The languages the New-article dialog suggests, with their English names (as Intl names them). */
export const COMMON_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'English',
  bn: 'Bangla',
  hi: 'Hindi',
  ur: 'Urdu',
  ar: 'Arabic',
  fr: 'French',
  es: 'Spanish',
  de: 'German',
  pt: 'Portuguese',
  ru: 'Russian',
  zh: 'Chinese',
  ja: 'Japanese',
  ta: 'Tamil',
  ne: 'Nepali',
};

let displayNames: Intl.DisplayNames | null | undefined;

/** "bn" → "Bangla", "bn-BD" → "Bangla (Bangladesh)"; unknown tags come back as they are. */
export function languageName(tag: string): string {
  if (!tag) return '';
  const common = COMMON_LANGUAGES[tag.toLowerCase()];
  if (common) return common;
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return displayNames.of(tag) ?? tag;
  } catch {
    displayNames = null;
    return tag;
  }
}
