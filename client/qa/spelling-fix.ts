// "Make them all X" for a name spelled two ways (SPEC 14.14): every occurrence of one spelling in
// the article becomes the other, its ending kept, in one Lexical update (one undo step of its own)
// through the find bar's replacement (shared/find-replace.ts). A Bengali spelling with its ending attached
// becomes a Latin one with a hyphen before the ending, whose vowel sign becomes a letter of its own
// (ওয়্যারডকে → WIRED-কে, ওয়্যারডের → WIRED-এর).
import { $setSelection, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { $getSegments, $getSegmentText } from '../../shared/article.js';
import { $replaceMatches, type TextMatch } from '../../shared/find-replace.js';
import { $getSegmentId } from '../../shared/nodes/index.js';
import { spellingRanges } from '../../shared/qa/name-spellings.js';
import type { EditorSlot } from '../sheet/editor-slot.js';
import { undoManagerOf } from '../editor/CoEditing.js';

const LATIN = /\p{Script=Latin}/u;
// Bengali vowel signs and the vowels that stand alone for them.
const VOWEL_OF_SIGN: Record<string, string> = {
  '\u09BE': 'আ', '\u09BF': 'ই', '\u09C0': 'ঈ', '\u09C1': 'উ', '\u09C2': 'ঊ', '\u09C7': 'এ', '\u09C8': 'ঐ', '\u09CB': 'ও', '\u09CC': 'ঔ',
};

/** Replaces every occurrence of `from` with `to`; answers how many it replaced. */
export function $makeSpellingAll(from: string, to: string): number {
  const hyphenated = LATIN.test(to) && !LATIN.test(from);
  const matches: Array<TextMatch & { text: string }> = [];
  for (const segment of $getSegments()) {
    const segmentId = $getSegmentId(segment);
    const text = $getSegmentText(segment);
    for (const { start, end, ending } of spellingRanges(text, from)) {
      if (!hyphenated || !ending) matches.push({ segmentId, start, end, text: to });
      else {
        const vowel = VOWEL_OF_SIGN[text[end]];
        matches.push({ segmentId, start, end: vowel ? end + 1 : end, text: `${to}-${vowel ?? ''}` });
      }
    }
  }
  // Last first, one at a time: each keeps the offsets of those before it true.
  let replaced = 0;
  for (const match of matches.reverse()) replaced += $replaceMatches([match], match.text);
  return replaced;
}

/** The QA panel's fixes, in the article's editor (editors only). */
export class SpellingFixer {
  constructor(private readonly editor: EditorSlot) {}

  /** Makes every `from` in the article `to`; false when there is no editor to do it in. */
  makeAll(from: string, to: string): boolean {
    const editor = this.editor.editable();
    if (!editor) return false;
    // A step of its own: Yjs joins changes less than 500 ms apart, so two respellings clicked in
    // quick succession (or typing just before) would otherwise be undone together.
    undoManagerOf(editor)?.stopCapturing();
    editor.update(
      () => {
        $makeSpellingAll(from, to);
        $setSelection(null);
      },
      { tag: SKIP_SCROLL_INTO_VIEW_TAG, discrete: true },
    );
    undoManagerOf(editor)?.stopCapturing();
    return true;
  }
}
