// Restoring a version is a new forward change, never a rewind (SPEC 16.5): a version of the state
// before is saved first; then, per segment, the fewest whole-word edits that turn today's text into
// the version's are made through headless Lexical, segments split off since are removed and those
// merged away since come back, all applied to the live content room as one update, which every
// connected page sees like anyone's edit (and no page's undo takes back). Segments whose text is the
// same are not touched, nor the anchors in them.
import * as Y from 'yjs';
import { $getRoot, $isElementNode, $parseSerializedNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { $getSegments } from '../../shared/article.js';
import { editsOf, diffWords, type TextEdit } from '../../shared/diff/words.js';
import { openArticle } from '../../shared/headless.js';
import { $createSegmentNode, $getSegmentId, type SegmentNode } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import { ReviewRoom, type SegmentMark, type SegmentStatus } from '../../shared/schema.js';
import { segmentTypes } from '../../shared/review/text-map.js';
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
  /** Segments of the version brought back (merged away since). */
  added: string[];
  /** Segments the version did not have (split off since), removed. */
  removed: string[];
}

/** A segment of the version: its id and its blocks, serialized with their children. */
interface VersionSegment {
  id: string;
  blocks: SerializedLexicalNode[];
}

function $serialize(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON();
  if ($isElementNode(node)) (json as SerializedLexicalNode & { children: SerializedLexicalNode[] }).children = node.getChildren().map($serialize);
  return json;
}

function versionSegments(state: Uint8Array): VersionSegment[] {
  const article = openArticle(state);
  try {
    return article.read(() => $getSegments().map((s) => ({ id: $getSegmentId(s), blocks: s.getChildren().map($serialize) })));
  } finally {
    article.dispose();
  }
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
  const thenTexts = segmentTexts(version.content);
  const then = new Set(thenTexts.map((s) => s.id));
  const edits = new Map<string, TextEdit[]>();
  const added: string[] = [];
  for (const { id, text } of thenTexts) {
    const current = now.get(id);
    if (current === undefined) added.push(id);
    else if (current !== text) edits.set(id, editsOf(diffWords(current, text, lang)));
  }
  const removed = [...now.keys()].filter((id) => !then.has(id));
  if (edits.size > 0 || added.length > 0 || removed.length > 0) {
    const blocks = new Map(added.length > 0 ? versionSegments(version.content).map((s) => [s.id, s.blocks]) : []);
    const article = openArticle(Y.encodeStateAsUpdate(content.doc));
    try {
      const update = article.update(() => {
        const segments = new Map<string, SegmentNode>($getSegments().map((s) => [$getSegmentId(s), s]));
        for (const [id, list] of edits) $edit(segments.get(id)!, list);
        for (const id of removed) segments.get(id)!.remove();
        // Each segment brought back goes after the one it followed in the version.
        let previous: SegmentNode | null = null;
        for (const { id } of thenTexts) {
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
      });
      content.apply(update, 'server');
    } finally {
      article.dispose();
    }
  }
  await content.settled();
  if (added.length > 0 || removed.length > 0) {
    await store.updateDocument(version.docId, { segmentCount: segmentTypes(content.doc).length });
  }
  // After the content is stored (and the status automation, SPEC 11.6, has seen it): each segment
  // whose text was restored or brought back takes its status, source and omitted flag of the time.
  await restoreRecords(review, version, [...edits.keys(), ...added], added, removed, actor);
  return { before, changed: [...edits.keys()], added, removed };
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

async function restoreRecords(review: Rooms['review'], version: StoredVersion, restored: string[], added: string[], removed: string[], actor: Actor) {
  if (restored.length === 0 && removed.length === 0) return;
  const old = docOf(version.review);
  try {
    await review.write((doc) => {
      const statuses = doc.getMap<SegmentStatus>(ReviewRoom.status);
      const sources = doc.getMap<string>(ReviewRoom.source);
      const omitted = doc.getMap<SegmentMark>(ReviewRoom.omitted);
      const thenStatuses = old.getMap<SegmentStatus>(ReviewRoom.status);
      const thenSources = old.getMap<string>(ReviewRoom.source);
      const thenOmitted = old.getMap<SegmentMark>(ReviewRoom.omitted);
      for (const id of restored) {
        const state = thenStatuses.get(id)?.state ?? 'draft';
        if (statuses.get(id)?.state !== state) statuses.set(id, { state, by: actor.name, at: Date.now() });
        const source = thenSources.get(id);
        if (source === undefined) sources.delete(id);
        else if (sources.get(id) !== source) sources.set(id, source);
        const mark = thenOmitted.get(id);
        if (!mark) omitted.delete(id);
        else if (!omitted.has(id)) omitted.set(id, { by: actor.name, at: Date.now() });
      }
      // Who changed a segment brought back: the restorer (the content observer sees only the root change).
      const changed = doc.getMap(ReviewRoom.changed);
      for (const id of added) changed.set(id, { by: actor.name, role: actor.role, at: Date.now() });
      for (const id of removed) {
        statuses.delete(id);
        sources.delete(id);
        omitted.delete(id);
        changed.delete(id);
      }
    });
  } finally {
    old.destroy();
  }
}
