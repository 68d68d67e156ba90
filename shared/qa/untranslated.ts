import { scriptShare, scriptsOf } from './scripts.js';
import { collapsed, hasLetter, trimmedRange } from './text.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

/** Fewer letters than this say too little about the language ("OK", "AI"). */
const MIN_LETTERS = 4;
/**
 * Below this share of letters in the target's script a segment reads as untranslated. Names and
 * acronyms in a translated sentence ("WIRED-এর", "ICE এজেন্টরা") stay far above it.
 */
const MIN_SHARE = 0.5;

/** A target written mostly in another script than the target language's, or the same as its source. */
export function checkUntranslated(segment: QaSegment, targetLang: string): QaIssue[] {
  const { target, source } = segment;
  const range = trimmedRange(target);
  if (source != null && hasLetter(target) && collapsed(source) === collapsed(target)) {
    return [qaIssue(segment, 'untranslated', 'warning', 'Same as the source: not translated?', range)];
  }
  const scripts = scriptsOf(targetLang);
  if (!scripts) return [];
  const share = scriptShare(target, scripts);
  if (share.letters < MIN_LETTERS || share.inScripts / share.letters >= MIN_SHARE) return [];
  const other = share.mainOther === 'another' || !share.mainOther ? 'another script' : `${share.mainOther} script`;
  const message = `Mostly ${other}, not ${scripts[0]}: not translated?`;
  return [qaIssue(segment, 'untranslated', 'warning', message, range)];
}
