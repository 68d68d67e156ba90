// Find and replace across the translation's segments. Offsets are into a segment's plain text
// (SPEC 5.2: blocks joined by "\n", a line break "\n"), so a match may run across bold, italic or
// a link, never across segments. Call inside an editor's read or update.
import { $createRangeSelection, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $setSelection, type LexicalNode, type TextNode } from 'lexical';
import { $blockInlines, $getSegments, $getSegmentText } from './article.js';
import { $getSegmentId, type SegmentNode } from './nodes/index.js';

export interface TextMatch {
  segmentId: string;
  start: number;
  end: number;
}

interface Run {
  node: TextNode;
  start: number;
  end: number;
}

/** Every occurrence of `query`, segment by segment, in order; none overlap. */
export function $findText(query: string, matchCase: boolean): TextMatch[] {
  if (query === '') return [];
  const needle = matchCase ? query : query.toLowerCase();
  const matches: TextMatch[] = [];
  for (const segment of $getSegments()) {
    const text = $getSegmentText(segment);
    const lower = text.toLowerCase();
    // A lowercase form of another length would shift every offset after it: compare as written.
    const haystack = matchCase || lower.length !== text.length ? text : lower;
    const segmentId = $getSegmentId(segment);
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ segmentId, start: at, end: at + needle.length });
    }
  }
  return matches;
}

/** The segment's text nodes with their plain-text offsets. */
function $runs(segment: SegmentNode): Run[] {
  const runs: Run[] = [];
  let offset = 0;
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node)) {
      runs.push({ node, start: offset, end: offset + node.getTextContentSize() });
      offset += node.getTextContentSize();
    } else if ($isElementNode(node)) node.getChildren().forEach(visit);
    else offset += node.getTextContentSize();
  };
  $blockInlines(segment).forEach((inlines, i) => {
    if (i > 0) offset += 1;
    inlines.forEach(visit);
  });
  return runs;
}

/** Selects a match in the editor's selection; false when its segment or text is gone. */
function $selectMatch(match: TextMatch): boolean {
  const segment = $getSegments().find((s) => $getSegmentId(s) === match.segmentId);
  if (!segment) return false;
  const runs = $runs(segment);
  // The start in the run it begins (not the one ending there), the end in the run it ends.
  const from = runs.find((r) => r.start <= match.start && match.start < r.end);
  const to = runs.find((r) => r.start < match.end && match.end <= r.end);
  if (!from || !to) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(from.node.getKey(), match.start - from.start, 'text');
  selection.focus.set(to.node.getKey(), match.end - to.start, 'text');
  $setSelection(selection);
  return true;
}

/**
 * Replaces the matches, in document order as $findText gives them, with `text`. Find them in the
 * same update, so each is still where it was.
 */
export function $replaceMatches(matches: readonly TextMatch[], text: string): number {
  let replaced = 0;
  // Last first, so the offsets of the ones before stay true.
  for (const match of [...matches].reverse()) {
    if (!$selectMatch(match)) continue;
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) continue;
    selection.insertText(text);
    replaced++;
  }
  return replaced;
}
