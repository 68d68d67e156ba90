// Words as a reader counts them, in any script: the word-like segments of Intl.Segmenter, so a
// Chinese, Japanese or Thai translation (written without spaces) counts its words, not its lines,
// and "WIRED-এর" or "it’s" count as the segmenter reads them. For progress and statistics.
let segmenter: Intl.Segmenter | null = null;

/** Made on first use: making it loads the word break rules and dictionaries, which a page should not
 *  pay while it starts. */
function wordSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));
}

export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter().segment(text)) if (segment.isWordLike) count++;
  return count;
}
