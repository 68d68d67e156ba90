// The editor's small toolbar: bold, italic, link, undo, redo. It follows the selection but
// re-renders only when one of its five flags changes.
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_MODIFIER_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { LinkForm, type LinkTarget } from './LinkForm.js';
import { BoldIcon, ItalicIcon, LinkIcon, RedoIcon, SearchIcon, UndoIcon } from '../ui/icons.js';
import { findOpen } from './find-open.js';
import { SHORTCUT } from '../sheet/shortcuts.js';

function $readFormat() {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { bold: false, italic: false, link: false };
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  return { bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), link: link !== null };
}

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [bold, setBold] = useState(false);
  const [italic, setItalic] = useState(false);
  const [link, setLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [editable, setEditable] = useState(editor.isEditable());
  const [linking, setLinking] = useState<LinkTarget | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const format = editorState.read($readFormat);
          setBold(format.bold);
          setItalic(format.italic);
          setLink(format.link);
        }),
        editor.registerEditableListener(setEditable),
        editor.registerCommand(CAN_UNDO_COMMAND, (can) => (setCanUndo(can), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (can) => (setCanRedo(can), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_MODIFIER_COMMAND,
          (event) => {
            if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey) return false;
            event.preventDefault();
            startLink();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor],
  );

  function startLink() {
    const target = editor.getEditorState().read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return null;
      const node = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
      return { selection: selection.clone(), url: node && $isLinkNode(node) ? node.getURL() : '', collapsed: selection.isCollapsed() };
    });
    if (target && (!target.collapsed || target.url)) setLinking(target);
  }

  const button = (label: string, shortcut: string, pressed: boolean | undefined, disabled: boolean, onClick: () => void, glyph: React.ReactNode) => (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={!editable || disabled}
      onMouseDown={(e) => e.preventDefault() /* keep the editor's selection */}
      onClick={onClick}
    >
      {glyph}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('Undo', SHORTCUT.undo, undefined, !canUndo, () => editor.dispatchCommand(UNDO_COMMAND, undefined), <UndoIcon />)}
      {button('Redo', SHORTCUT.redo, undefined, !canRedo, () => editor.dispatchCommand(REDO_COMMAND, undefined), <RedoIcon />)}
      <span className="tool-sep" aria-hidden="true" />
      {button('Bold', SHORTCUT.bold, bold, false, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), <BoldIcon />)}
      {button('Italic', SHORTCUT.italic, italic, false, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), <ItalicIcon />)}
      {button('Link', SHORTCUT.link, link, false, () => (link ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : startLink()), <LinkIcon />)}
      <span className="tool-sep" aria-hidden="true" />
      {button('Find and replace', SHORTCUT.find, undefined, false, () => findOpen.set(true), <SearchIcon />)}
      {linking && <LinkForm target={linking} onDone={() => setLinking(null)} />}
    </div>
  );
}
