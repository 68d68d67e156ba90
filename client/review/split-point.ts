// Where a segment's source splits when its translation splits at the caret (SPEC 15.10): the points
// the editor may choose (the start of each word but the first), and the one offered first — the
// sentence boundary matching the translation's (the caret after its second sentence: after the
// source's second), else the word start nearest the same share of the text.
const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang}|${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    let locale: string | undefined = lang || undefined;
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      locale = undefined;
    }
    segmenters.set(key, (found = new Intl.Segmenter(locale, { granularity })));
  }
  return found;
}

/** The offsets where a word starts, the first word's excepted: where a source may split. */
export function splitPoints(source: string, lang: string): number[] {
  const points: number[] = [];
  for (const part of segmenter(lang, 'word').segment(source)) {
    if (part.index > 0 && part.isWordLike && /\s/.test(source[part.index - 1] ?? '')) points.push(part.index);
  }
  return points;
}

/** Where each sentence but the first starts. */
function sentenceStarts(text: string, lang: string): number[] {
  return [...segmenter(lang, 'sentence').segment(text)].map((s) => s.index).filter((index) => index > 0 && text.slice(index).trim() !== '');
}

/** The source's split point offered for a translation split at `at`; null when the source has no point to split at. */
export function matchingPoint(source: string, sourceLang: string, target: string, targetLang: string, at: number): number | null {
  const points = splitPoints(source, sourceLang);
  if (points.length === 0) return null;
  const sentences = sentenceStarts(target, targetLang).filter((start) => start <= at).length;
  const sourceSentences = sentenceStarts(source, sourceLang);
  if (sentences > 0 && sentences <= sourceSentences.length) {
    const start = sourceSentences[sentences - 1];
    const exact = points.find((p) => p >= start);
    if (exact !== undefined) return exact;
  }
  const wanted = (at / Math.max(target.length, 1)) * source.length;
  return points.reduce((best, p) => (Math.abs(p - wanted) < Math.abs(best - wanted) ? p : best));
}
