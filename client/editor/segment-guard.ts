// Keeps segments whole: Enter, typing, paste, cut, drag and delete over a selection that spans
// segments delete the selected text inside each segment instead of merging them; pasted segment
// nodes are unwrapped. Command handlers only — never node transforms, whose repairs would not be
// synced when they run during a remote update (DESIGN.md).
import { copyToClipboard } from '@lexical/clipboard';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  mergeRegister,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isSegmentNode } from '../../shared/nodes/index.js';
import { $deleteInSegments, $segmentSpan } from './segment-range.js';

/** Deletes a cross-segment selection in place; true when there was one. */
function $deleteSpan(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const span = $segmentSpan(selection);
  if (span === null) return false;
  $deleteInSegments(span);
  return true;
}

function unwrapSegments(nodes: LexicalNode[]): LexicalNode[] {
  return nodes.flatMap((node) => ($isSegmentNode(node) ? unwrapSegments(node.getChildren()) : [node]));
}

export function registerSegmentGuard(editor: LexicalEditor): () => void {
  /** Delete the span first, then let Lexical's own handler act on the caret that is left. */
  const thenContinue = <T>(command: LexicalCommand<T>) =>
    editor.registerCommand(command, () => (void $deleteSpan(), false), COMMAND_PRIORITY_CRITICAL);
  /** Deleting the span is all there is to do. */
  const andStop = <T>(command: LexicalCommand<T>) =>
    editor.registerCommand(command, () => $deleteSpan(), COMMAND_PRIORITY_CRITICAL);

  return mergeRegister(
    thenContinue(INSERT_PARAGRAPH_COMMAND),
    thenContinue(INSERT_LINE_BREAK_COMMAND),
    thenContinue(CONTROLLED_TEXT_INSERTION_COMMAND),
    thenContinue(PASTE_COMMAND),
    andStop(DELETE_CHARACTER_COMMAND),
    andStop(DELETE_WORD_COMMAND),
    andStop(DELETE_LINE_COMMAND),
    andStop(REMOVE_TEXT_COMMAND),
    editor.registerCommand(
      CUT_COMMAND,
      (event) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || $segmentSpan(selection) === null) return false;
        const clipboardEvent = event instanceof ClipboardEvent ? event : null;
        void copyToClipboard(editor, clipboardEvent).then(() => editor.update(() => void $deleteSpan()));
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      DRAGSTART_COMMAND,
      (event) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || $segmentSpan(selection) === null) return false;
        event.preventDefault(); // moving text across segments by drag would merge them
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      (payload) => {
        if (payload.nodes.some($isSegmentNode)) payload.nodes.splice(0, payload.nodes.length, ...unwrapSegments(payload.nodes));
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}
