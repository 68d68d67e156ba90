// Restoring a version is a new forward change, never a rewind (SPEC 16.5): a version of the state
// before is saved first; then, per segment, the fewest whole-word edits that turn today's text into
// the version's are made through headless Lexical and applied to the live content room as one
// update, which every connected page sees like anyone's edit (and no page's undo takes back).
// Segments whose text is the same are not touched, nor the anchors in them.
import * as Y from 'yjs';
import { $getSegments } from '../../shared/article.js';
import { editsOf, diffWords } from '../../shared/diff/words.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegmentId } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import { ReviewRoom, type SegmentStatus } from '../../shared/schema.js';
import type { Actor, Rooms } from '../review/context.js';
import type { Store } from '../storage/store.js';
import type { StoredVersion, VersionRecord } from '../storage/versions.js';
import type { RoomRegistry } from '../collab/registry.js';
import { saveVersion } from './save.js';
import { docOf, segmentTexts } from './states.js';

export interface RestoreResult {
  /** The version saved first, to restore if this restore was a mistake. */
  before: VersionRecord;
  /** Segments whose text changed. */
  changed: string[];
  /** Segments of the version the article no longer has (not brought back). */
  missing: string[];
}

export async function restoreVersion(
  store: Store,
  registry: RoomRegistry,
  { content, review }: Rooms,
  actor: Actor,
  version: StoredVersion,
  lang: string,
): Promise<RestoreResult> {
  const before = await saveVersion(store, registry, version.docId, {
    name: `Before restoring ${version.name}`,
    auto: true,
    author: actor.name,
  }, { content: Y.encodeStateAsUpdate(content.doc), review: Y.encodeStateAsUpdate(review.doc) });

  // From here to the apply nothing awaits, so no edit arrives between reading the text and writing it.
  const now = new Map(segmentTexts(content.doc).map((s) => [s.id, s.text]));
  const then = segmentTexts(version.content);
  const edits = new Map<string, ReturnType<typeof editsOf>>();
  const missing: string[] = [];
  for (const { id, text } of then) {
    const current = now.get(id);
    if (current === undefined) missing.push(id);
    else if (current !== text) edits.set(id, editsOf(diffWords(current, text, lang)));
  }
  if (edits.size > 0) {
    const article = openArticle(Y.encodeStateAsUpdate(content.doc));
    try {
      const update = article.update(() => {
        for (const segment of $getSegments()) {
          for (const edit of edits.get($getSegmentId(segment)) ?? []) {
            const selection = $selectRange(segment, edit.start, edit.start + edit.length);
            if (!selection) throw new Error(`cannot select ${edit.start}+${edit.length} in segment ${$getSegmentId(segment)}`);
            if (edit.text === '') selection.removeText();
            else selection.insertRawText(edit.text);
          }
        }
      });
      content.apply(update, 'server');
    } finally {
      article.dispose();
    }
  }
  await content.settled();
  // After the content is stored (and the status automation, SPEC 11.6, has seen it): each segment
  // whose text was restored takes the status it had in the version.
  await restoreStatuses(review, version, [...edits.keys()], actor);
  return { before, changed: [...edits.keys()], missing };
}

async function restoreStatuses(review: Rooms['review'], version: StoredVersion, segments: string[], actor: Actor) {
  if (segments.length === 0) return;
  const old = docOf(version.review);
  try {
    const thenStatuses = old.getMap<SegmentStatus>(ReviewRoom.status);
    await review.write((doc) => {
      const statuses = doc.getMap<SegmentStatus>(ReviewRoom.status);
      for (const id of segments) {
        const state = thenStatuses.get(id)?.state ?? 'draft';
        if (statuses.get(id)?.state !== state) statuses.set(id, { state, by: actor.name, at: Date.now() });
      }
    });
  } finally {
    old.destroy();
  }
}
