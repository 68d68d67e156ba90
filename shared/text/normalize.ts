// Text as the memory compares it (SPEC 18.2): NFC, lower case, Bengali digits as Latin ones, no
// zero-width joiners, whitespace collapsed and trimmed. normaliseMapped does it one character
// (grapheme cluster) at a time, so an offset into the normalised text maps back to the original on
// cluster boundaries.

const BENGALI_ZERO = 0x09e6;
/**
 * A character: a letter with its combining marks, consonants joined by a virama (a Bengali or
 * Devanagari conjunct) as one, a stray mark alone — the grapheme clusters of Bengali and Latin
 * text, read by a regular expression because Intl.Segmenter costs ten times more.
 */
const CLUSTER = /\P{M}\p{M}*(?:(?<=[\u094d\u09cd])\P{M}\p{M}*)*|\p{M}+/gsu;

function foldCluster(cluster: string): string {
  return cluster
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u200c\u200d]/g, '')
    .replace(/[\u09e6-\u09ef]/g, (digit) => String(digit.charCodeAt(0) - BENGALI_ZERO));
}

export interface NormalisedText {
  text: string;
  /** Cluster boundaries: norm[i] in the normalised text is orig[i] in the original (both end with the lengths). */
  norm: number[];
  orig: number[];
}

export function normaliseMapped(original: string): NormalisedText {
  let text = '';
  const norm: number[] = [];
  const orig: number[] = [];
  for (const { 0: segment, index } of original.matchAll(CLUSTER)) {
    norm.push(text.length);
    orig.push(index);
    if (/^\s+$/u.test(segment)) {
      if (text !== '' && !text.endsWith(' ')) text += ' ';
    } else {
      text += foldCluster(segment);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    for (let i = norm.length - 1; i >= 0 && norm[i] > text.length; i--) norm[i] = text.length;
  }
  norm.push(text.length);
  orig.push(original.length);
  return { text, norm, orig };
}

/** As normaliseMapped(text).text, for a whole text at once (ten times faster: stored units, lookups). */
export function normalise(text: string): string {
  return foldCluster(text).replace(/\s+/gu, ' ').trim();
}

/** The characters (grapheme clusters, as CLUSTER reads them) of a text. */
export function clustersOf(text: string): string[] {
  return text.match(CLUSTER) ?? [];
}

/** The words of a (normalised) text: runs of letters, marks and digits. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** A cheap test on normalised text: does `needle` (normalised) start a word in it? */
export function startsAWord(normalised: string, needle: string): boolean {
  if (!WORD_CHAR.test(needle[0])) return normalised.includes(needle);
  for (let at = normalised.indexOf(needle); at !== -1; at = normalised.indexOf(needle, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(charBefore(normalised, at))) return true;
  }
  return false;
}

/**
 * Where `query` occurs in `text` starting a word (so বেনিওফ finds বেনিওফের, but not inside another
 * word), as offsets into `text` widened to whole grapheme clusters. Both are compared normalised.
 */
export function findHits(text: string, query: string): Array<{ start: number; end: number }> {
  const needle = normaliseMapped(query).text;
  if (needle === '') return [];
  const mapped = normaliseMapped(text);
  const hits: Array<{ start: number; end: number }> = [];
  const wordQuery = WORD_CHAR.test(needle[0]);
  for (let at = mapped.text.indexOf(needle); at !== -1; at = mapped.text.indexOf(needle, at + 1)) {
    const first = lastIndexOf(mapped.norm, at);
    if (first === -1) continue; // inside a cluster
    if (wordQuery && at > 0 && WORD_CHAR.test(charBefore(mapped.text, at))) continue;
    const last = mapped.norm.findIndex((n) => n >= at + needle.length);
    const start = mapped.orig[first];
    const end = mapped.orig[last];
    if (hits.length > 0 && hits[hits.length - 1].end > start) continue;
    hits.push({ start, end });
  }
  return hits;
}

/** The last boundary index whose normalised offset is `offset` (skipping clusters that vanished), or -1. */
function lastIndexOf(boundaries: number[], offset: number): number {
  let found = -1;
  for (let i = 0; i < boundaries.length - 1; i++) {
    if (boundaries[i] === offset) found = i;
    else if (boundaries[i] > offset) break;
  }
  return found;
}

function charBefore(text: string, offset: number): string {
  const code = text.codePointAt(offset - 1)!;
  // A low surrogate: take the whole code point.
  if (code >= 0xdc00 && code <= 0xdfff && offset >= 2) return String.fromCodePoint(text.codePointAt(offset - 2)!);
  return String.fromCodePoint(code);
}
