// Where the split dialog (SplitDialog.tsx) opens when an editor splits a segment at the caret. The
// dialog loads after the first paint: fetched when the page is idle once the article is on screen,
// or by the first split, which opens it as soon as it is in.
import { useStore } from '../app/store.js';
import { lazyPart, useLazyPart, usePreloadAfterPaint } from '../app/lazy-part.js';
import type { ReviewDesk } from './desk.js';

const dialog = lazyPart(() => import('./SplitDialog.js'));

export function SplitSlot({ desk }: { desk: ReviewDesk }) {
  const splitting = useStore(desk.splitting);
  const loaded = useLazyPart(dialog, splitting !== null);
  usePreloadAfterPaint(desk.session.onScreen, dialog);
  if (!splitting || !loaded) return null;
  return <loaded.SplitForm key={`${splitting.segmentId}:${splitting.at}`} desk={desk} segmentId={splitting.segmentId} at={splitting.at} />;
}
