// Other people's carets and selections. CollaborationPlugin draws them into .cursors at places
// measured from the text, but only when the document or someone's awareness changes, so a layout
// change left them where the text used to be until that person moved. This draws them again, in
// one animation frame, whenever the rows may have moved (the Aligner hears every section that
// changes size: a resized window or sheet, a side panel or the review margin, the narrow layout,
// sources arriving, rows laid out late or given guessed heights) or fonts finish loading. Typing
// adds nothing here unless it changes a row's height. Where they may be drawn: body.css; in which
// colour: cursor-colors.ts.
import { syncCursorPositions, type Provider, type SyncCursorPositionsFn } from '@lexical/yjs';
import type { Aligner } from './aligner.js';
import { installCursorColors } from './cursor-colors.js';

type Binding = Parameters<SyncCursorPositionsFn>[0];

export class RemoteCursors {
  private drawnWith: { binding: Binding; provider: Provider } | null = null;
  private frame = 0;

  /** For CollaborationPlugin's syncCursorPositionsFn: draws as Lexical does, and keeps what it drew with. */
  readonly sync: SyncCursorPositionsFn = (binding, provider, options) => {
    this.drawnWith = { binding, provider };
    syncCursorPositions(binding, provider, options);
  };

  /** Draws again whenever the rows may have moved; returns the function that stops. */
  follow(aligner: Aligner): () => void {
    installCursorColors();
    const stopFollowingRows = aligner.onRowsMoved(this.redraw);
    document.fonts.addEventListener('loadingdone', this.redraw);
    return () => {
      stopFollowingRows();
      document.fonts.removeEventListener('loadingdone', this.redraw);
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    };
  }

  private readonly redraw = (): void => {
    if (this.frame || !this.drawnWith) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.drawnWith) syncCursorPositions(this.drawnWith.binding, this.drawnWith.provider);
    });
  };
}
