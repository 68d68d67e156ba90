// Restoring a version is a new forward change, never a rewind (SPEC 16.5): a version of the state
// before is saved first; then, per segment, the fewest whole-word edits that turn today's text into
// the version's are made through headless Lexical (a segment that differs in more than words takes
// the version's blocks whole), segments split off since are removed and those merged away since
// come back, all applied to the live content room as one update, which every connected page sees
// like anyone's edit (and no page's undo takes back). Segments as they were are not touched, nor
// the anchors in them.
import * as Y from 'yjs';
import { $getRoot, $parseSerializedNode } from 'lexical';
import { $getSegments } from '../../shared/article.js';
import { editsOf, diffWords, type TextEdit } from '../../shared/diff/words.js';
import { openArticle } from '../../shared/headless.js';
import { $createSegmentNode, $getSegmentId, type SegmentNode } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import { segmentTypes } from '../../shared/review/text-map.js';
import type { Actor, Rooms } from '../review/context.js';
import type { Store } from '../storage/store.js';
import type { StoredVersion, VersionRecord } from '../storage/versions.js';
import type { RoomRegistry } from '../collab/registry.js';
import { notFound } from '../http/errors.js';
import { saveVersion } from './save.js';
import { segmentTexts } from './states.js';
import { restoreRecords } from './restore-records.js';
import { $shapeOf, shape, versionSegments } from './segment-blocks.js';

export interface RestoreResult {
  /** The version saved first, to restore if this restore was a mistake. */
  before: VersionRecord;
  /** Segments the restore changed (words edited, or blocks rewritten whole). */
  changed: string[];
  /** Segments of the version brought back (merged away since). */
  added: string[];
  /** Segments the version did not have (split off since), removed. */
  removed: string[];
}

export async function restoreVersion(
  store: Store,
  registry: RoomRegistry,
  { content, review }: Rooms,
  actor: Actor,
  version: StoredVersion,
  lang: string,
  /** Restore this segment only (SPEC 16.5): nothing else is changed or removed. */
  only?: string,
): Promise<RestoreResult> {
  const thenTexts = new Map(segmentTexts(version.content).map((s) => [s.id, s.text]));
  if (only !== undefined && !thenTexts.has(only)) throw notFound(`segment ${only} is not in this version`);
  const before = await saveVersion(store, registry, version.docId, {
    name: `Before restoring ${version.name}`,
    auto: true,
    author: actor.name,
  }, { content: Y.encodeStateAsUpdate(content.doc), review: Y.encodeStateAsUpdate(review.doc) });
  let result: Pick<RestoreResult, 'changed' | 'added' | 'removed'>;

  // From here to the apply nothing awaits, so no edit arrives between reading the text and writing it.
  const article = openArticle(Y.encodeStateAsUpdate(content.doc));
  try {
    const thenSegments = versionSegments(version.content);
    const nowTexts = new Map(segmentTexts(content.doc).map((s) => [s.id, s.text]));
    const nowShapes = new Map(article.read(() => $getSegments().map((s) => [$getSegmentId(s), $shapeOf(s)] as const)));
    const edits = new Map<string, TextEdit[]>();
    // Segments that differ in more than words (their blocks, line breaks or formatting) take the
    // version's blocks whole: text edits would bring a lost list item back as a line break.
    const rewritten: string[] = [];
    const added: string[] = [];
    const breaks = (text: string) => text.split('\n').length;
    for (const { id, blocks } of thenSegments) {
      if (only !== undefined && id !== only) continue;
      const current = nowTexts.get(id);
      const text = thenTexts.get(id)!;
      if (current === undefined) added.push(id);
      else if (nowShapes.get(id) === shape(blocks)) continue;
      else if (current === text || breaks(current) !== breaks(text)) rewritten.push(id);
      else edits.set(id, editsOf(diffWords(current, text, lang)));
    }
    const removed = only !== undefined ? [] : [...nowTexts.keys()].filter((id) => !thenTexts.has(id));
    const blocks = new Map(thenSegments.map((s) => [s.id, s.blocks]));
    const $rewrite = (segment: SegmentNode) => {
      segment.clear();
      segment.append(...blocks.get($getSegmentId(segment))!.map((block) => $parseSerializedNode(block)));
    };
    const updates: Uint8Array[] = [];
    if (edits.size > 0 || rewritten.length > 0 || added.length > 0 || removed.length > 0) {
      updates.push(
        article.update(() => {
          const segments = new Map<string, SegmentNode>($getSegments().map((s) => [$getSegmentId(s), s]));
          for (const [id, list] of edits) $edit(segments.get(id)!, list);
          for (const id of rewritten) $rewrite(segments.get(id)!);
          for (const id of removed) segments.get(id)!.remove();
          // Each segment brought back goes after the one it followed in the version.
          let previous: SegmentNode | null = null;
          for (const { id } of thenSegments) {
            let segment = segments.get(id);
            if (!segment) {
              segment = $createSegmentNode(id);
              segment.append(...blocks.get(id)!.map((block) => $parseSerializedNode(block)));
              if (previous) previous.insertAfter(segment);
              else {
                const first = $getRoot().getFirstChild();
                if (first) first.insertBefore(segment);
                else $getRoot().append(segment);
              }
            }
            previous = segment;
          }
        }),
      );
    }
    // Words edited back may still differ in formatting (a bold word retyped plain): those take the
    // version's blocks too, in the same stored update.
    const unlike = article.read(() => $getSegments().filter((s) => edits.has($getSegmentId(s)) && $shapeOf(s) !== shape(blocks.get($getSegmentId(s))!)));
    if (unlike.length > 0) {
      const ids = new Set(unlike.map((s) => s.getKey()));
      updates.push(article.update(() => $getSegments().filter((s) => ids.has(s.getKey())).forEach($rewrite)));
    }
    if (updates.length > 0) content.apply(Y.mergeUpdates(updates), 'server');
    result = { changed: [...edits.keys(), ...rewritten], added, removed };
  } finally {
    article.dispose();
  }
  await content.settled();
  const { changed, added, removed } = result;
  if (added.length > 0 || removed.length > 0) {
    await store.updateDocument(version.docId, { segmentCount: segmentTypes(content.doc).length });
  }
  // After the content is stored (and the status automation, SPEC 11.6, has seen it): each segment
  // whose text was restored or brought back takes its status, source and omitted flag of the time.
  await restoreRecords(review, version, [...changed, ...added], added, removed, actor);
  return { before, changed, added, removed };
}

/** Makes a segment's text edits, last first; call inside an editor update. */
function $edit(segment: SegmentNode, edits: TextEdit[]) {
  for (const edit of edits) {
    const selection = $selectRange(segment, edit.start, edit.start + edit.length);
    if (!selection) throw new Error(`cannot select ${edit.start}+${edit.length} in segment ${$getSegmentId(segment)}`);
    if (edit.text === '') selection.removeText();
    else selection.insertRawText(edit.text);
  }
}
