// Typed text stays in the order it was typed when it forms a grapheme cluster with the text after
// the caret: স্ typed before ডেমো joins ডে in one cluster (Unicode 15.1's conjunct rule), and
// Chromium snaps its caret, and an IME's composition, out of a cluster within a text node, past
// ডে. A keystroke that starts or ends inside a cluster is inserted by Lexical itself, which leaves
// the caret right after it. A composition cannot be: what its update swallowed is put back, and
// the caret at the end of the composed text, before Lexical reads them from the page.
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import { graphemeSegmenter, isGraphemeBoundary, isGraphemeBoundaryNear } from '../../shared/graphemes.js';
import { whenIdle } from '../app/when-idle.js';

/** Below U+0300 (Latin, digits, punctuation) no character joins a cluster with its neighbour. */
const JOINS_NOTHING = /^[\u0000-\u02ff]*$/;
/** Code units either side of the typed text that decide whether it ends inside a cluster. */
const CONTEXT = 16;

/** Whether typing `data` over `text`'s [start, end) starts or ends inside a grapheme cluster. */
function typingJoinsCluster(text: string, start: number, end: number, data: string): boolean {
  if (JOINS_NOTHING.test(text.charAt(start - 1) + data + text.charAt(end))) return false;
  if (!isGraphemeBoundaryNear(text, start)) return true;
  const before = text.slice(Math.max(0, start - CONTEXT), start) + data;
  return !isGraphemeBoundary(before + text.slice(end, end + CONTEXT), before.length);
}

function registerKeystrokes(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    BEFORE_INPUT_COMMAND,
    (event) => {
      const data = event.data;
      if (event.inputType !== 'insertText' || !data || editor.isComposing()) return false;
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || selection.anchor.key !== selection.focus.key) return false;
      const node = selection.anchor.getNode();
      if (!$isTextNode(node)) return false;
      const { anchor, focus } = selection;
      const [start, end] = anchor.offset <= focus.offset ? [anchor.offset, focus.offset] : [focus.offset, anchor.offset];
      if (!typingJoinsCluster(node.getTextContent(), start, end, data)) return false;
      event.preventDefault();
      editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, data);
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

const COMPOSING = new Set(['insertCompositionText', 'deleteCompositionText']);

/** The composed text: `node`'s [start, end). */
interface Composed {
  node: Text;
  start: number;
  end: number;
}

/** An update of the composition, from its beforeinput to its input: where, the text before it, the new composed text. */
interface Update {
  node: Text;
  start: number;
  text: string;
  data: string;
}

/** Listens in the capture phase, so each repair is made before Lexical's own listeners read the page. */
function registerCompositions(editor: LexicalEditor): () => void {
  let composed: Composed | null = null;
  let update: Update | null = null;
  const beforeInput = (event: InputEvent) => {
    if (!COMPOSING.has(event.inputType)) return;
    const range = event.getTargetRanges()[0];
    const node = range?.startContainer;
    update = node instanceof Text ? { node, start: range.startOffset, text: node.data, data: event.data ?? '' } : null;
  };
  const input = (event: InputEvent) => {
    if (!COMPOSING.has(event.inputType)) return;
    const last = composed;
    const now = update;
    update = null;
    composed = now && { node: now.node, start: now.start, end: now.start + now.data.length };
    if (now === null || last?.node !== now.node || last.start !== now.start) return;
    // The browser replaced more than the composed text only if that ended inside a cluster.
    const swallowed = now.text.length - (last.end - last.start) + now.data.length - now.node.length;
    if (swallowed > 0 && !isGraphemeBoundaryNear(now.text, last.end)) {
      now.node.insertData(now.start + now.data.length, now.text.slice(last.end, last.end + swallowed));
    }
  };
  const compositionEnd = () => {
    const last = composed;
    composed = null;
    const selection = document.getSelection();
    if (last === null || !selection?.isCollapsed || selection.anchorNode !== last.node || selection.anchorOffset === last.end) return;
    if (!isGraphemeBoundaryNear(last.node.data, last.end)) selection.collapse(last.node, last.end);
  };
  return editor.registerRootListener((root) => {
    if (root === null) return;
    root.addEventListener('beforeinput', beforeInput, true);
    root.addEventListener('input', input as EventListener, true);
    root.addEventListener('compositionend', compositionEnd, true);
    return () => {
      root.removeEventListener('beforeinput', beforeInput, true);
      root.removeEventListener('input', input as EventListener, true);
      root.removeEventListener('compositionend', compositionEnd, true);
    };
  });
}

/** Making the segmenter loads its break rules (15 ms and more): done once the editor has the focus,
 *  when the page is idle, rather than on the first keystroke that needs it. */
function registerSegmenterWarmUp(editor: LexicalEditor): () => void {
  const warmUp = () => whenIdle(() => void graphemeSegmenter());
  return editor.registerRootListener((root) => {
    root?.addEventListener('focus', warmUp, { once: true });
    return () => root?.removeEventListener('focus', warmUp);
  });
}

export function registerClusterTyping(editor: LexicalEditor): () => void {
  return mergeRegister(registerKeystrokes(editor), registerCompositions(editor), registerSegmenterWarmUp(editor));
}
