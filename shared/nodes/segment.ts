// A segment: one aligned paragraph's translation, a top-level child of the root.
import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $getStateChange,
  $setState,
  createState,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

/** The stable segment id; node state syncs through Yjs as the `__state` map of the node. */
export const segmentIdState = createState('segmentId', {
  parse: (value: unknown): string => (typeof value === 'string' ? value : ''),
});

export const SEGMENT_CLASS = 'segment';

export class SegmentNode extends ElementNode {
  override $config() {
    return this.config('segment', { extends: ElementNode, stateConfigs: [segmentIdState] });
  }

  /** Keeps Enter and Backspace at a caret inside the segment, as in a table cell. */
  override isShadowRoot(): boolean {
    return true;
  }

  override canIndent(): boolean {
    return false;
  }

  /** Copying or pasting inside Lexical takes the children, never the segment (no duplicate ids). */
  override excludeFromCopy(destination?: 'clone' | 'html'): boolean {
    return destination === 'clone';
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('section');
    element.dataset.segmentId = $getSegmentId(this);
    const className = config.theme.segment;
    element.className = typeof className === 'string' && className ? className : SEGMENT_CLASS;
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    const change = $getStateChange(this, prevNode, segmentIdState);
    if (change !== null) dom.dataset.segmentId = change[0];
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement('section');
    element.setAttribute('data-segment-id', $getSegmentId(this));
    element.className = SEGMENT_CLASS;
    return { element };
  }
}

export function $createSegmentNode(id: string): SegmentNode {
  return $setState($applyNodeReplacement(new SegmentNode()), segmentIdState, id);
}

export function $isSegmentNode(node: LexicalNode | null | undefined): node is SegmentNode {
  return node instanceof SegmentNode;
}

export function $getSegmentId(node: SegmentNode): string {
  return $getState(node, segmentIdState);
}
