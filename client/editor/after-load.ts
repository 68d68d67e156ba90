// What the sheet does once the article is in, when the page is idle: it fetches every font face the
// translation needs (warm-fonts.ts says why), then, once the sources are in too (they make rows
// narrower), guesses the height of each row not laid out (row-estimates.ts), and again whenever the
// column's width changes. Source rows are always laid out, so their faces come by themselves.
import { useEffect } from 'react';
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import { whenIdle } from '../app/when-idle.js';
import type { Aligner } from './aligner.js';
import { estimateRowHeights } from './row-estimates.js';
import type { SegmentList } from './segment-list.js';
import { warmFonts } from './warm-fonts.js';

const RESIZE_SETTLE_MS = 300;
/** A resized window's guesses come when the page is idle, or this long after the width settled at
 *  the latest: a busy page (in a test, a headless one on a loaded machine) was not idle for 30 s. */
const RESIZE_GUESS_WITHIN_MS = 1000;

export function useAfterLoad(content: ContentSession, review: ReviewSession, segments: SegmentList, aligner: Aligner): void {
  useEffect(() => {
    let live = true;
    let stopWaiting = () => {};
    let resized: ResizeObserver | null = null;
    let resizeTimer = 0;
    const estimate = () => {
      if (live) aligner.setEstimates(estimateRowHeights(segments.get(), (id) => (aligner.hasSource(id) ? 'beside source' : 'alone')));
    };
    // The guesses hold for one column width: a resized window gets new ones once it settles.
    const followWidth = (root: HTMLElement) => {
      let width = root.clientWidth;
      resized = new ResizeObserver(([entry]) => {
        if (Math.abs(entry.contentRect.width - width) < 1) return;
        width = entry.contentRect.width;
        clearTimeout(resizeTimer);
        resizeTimer = window.setTimeout(() => whenIdle(estimate, RESIZE_GUESS_WITHIN_MS), RESIZE_SETTLE_MS);
      });
      resized.observe(root);
    };
    const estimateWithSources = (root: HTMLElement) => {
      if (!live) return;
      const start = () => {
        whenIdle(estimate);
        followWidth(root);
      };
      if (review.get().loaded) return start();
      stopWaiting = review.subscribe(() => {
        if (!review.get().loaded) return;
        stopWaiting();
        start();
      });
    };
    const warm = (synced = true) => {
      if (!synced) return;
      content.provider.off('sync', warm);
      const root = document.querySelector<HTMLElement>('.editor-root');
      if (root) void warmFonts(() => content.texts.all().map((s) => s.text).join('\n'), root).then(() => estimateWithSources(root));
    };
    if (content.provider.synced) warm();
    else content.provider.on('sync', warm);
    return () => {
      live = false;
      stopWaiting();
      resized?.disconnect();
      clearTimeout(resizeTimer);
      content.provider.off('sync', warm);
    };
  }, [content, review, segments, aligner]);
}
