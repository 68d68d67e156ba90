// The article's segments in order, as the editor holds them: their node keys, ids and DOM elements.
// Listeners hear only when the list itself changes (a segment appears, goes or moves), so typing
// inside a segment costs nothing here.
import type { LexicalEditor } from 'lexical';
import { $getSegmentId, SegmentNode } from '../../shared/nodes/index.js';
import { $getSegments } from '../../shared/article.js';
import { Listeners } from '../app/store.js';

export interface SegmentEntry {
  key: string;
  id: string;
  element: HTMLElement | null;
}

export class SegmentList {
  private entries: SegmentEntry[] = [];
  private signature = '';
  private readonly listeners = new Listeners();

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): SegmentEntry[] => this.entries;

  /** Follows the editor; returns the function that stops following. */
  attach(editor: LexicalEditor): () => void {
    return editor.registerMutationListener(SegmentNode, () => this.refresh(editor), { skipInitialization: false });
  }

  private refresh(editor: LexicalEditor): void {
    const entries = editor.getEditorState().read(() =>
      $getSegments().map((segment) => ({ key: segment.getKey(), id: $getSegmentId(segment), element: editor.getElementByKey(segment.getKey()) })),
    );
    const signature = entries.map((e) => `${e.key}:${e.id}`).join(' ');
    const sameElements = entries.length === this.entries.length && entries.every((e, i) => e.element === this.entries[i].element);
    if (signature === this.signature && sameElements) return;
    this.signature = signature;
    this.entries = entries;
    this.listeners.notify();
  }
}
