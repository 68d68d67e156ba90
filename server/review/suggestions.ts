// Suggestions (SPEC 11): made by reviewers and editors, accepted or rejected by editors, withdrawn
// or edited by their authors. Every change is a server write to the review room.
import { newId } from '../../shared/ids.js';
import { createAnchor, resolveAnchor } from '../../shared/review/anchor.js';
import { suggestionsOf, type Suggestion, type SuggestionKind } from '../../shared/review/types.js';
import { conflict, forbidden, notFound, badRequest } from '../../shared/api-error.js';
import { replaceText } from './apply-text.js';
import { segmentText, type Actor, type Rooms } from './context.js';
import { targetRange, type RangeInput } from './target-range.js';

export interface NewSuggestion extends RangeInput {
  segmentId: string;
  text: string;
  note?: string;
}

export async function createSuggestion({ content, review }: Rooms, actor: Actor, input: NewSuggestion): Promise<Suggestion> {
  const current = segmentText(content.doc, input.segmentId);
  const range = targetRange(current, input);
  const kind: SuggestionKind = range.start === range.end ? 'insert' : input.text === '' ? 'delete' : 'replace';
  if (kind === 'insert' && input.text === '') throw badRequest('an insertion needs text', 'empty_suggestion');
  if (kind === 'replace' && current.slice(range.start, range.end) === input.text) {
    throw badRequest('the suggestion changes nothing', 'empty_suggestion');
  }
  const anchored = createAnchor(content.doc, input.segmentId, range)!;
  const suggestion: Suggestion = {
    id: newId(),
    segmentId: input.segmentId,
    ...anchored,
    kind,
    text: input.text,
    note: input.note ?? '',
    author: actor.name,
    authorId: actor.id,
    authorRole: actor.role,
    createdAt: Date.now(),
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
  };
  await review.write((doc) => suggestionsOf(doc).set(suggestion.id, suggestion));
  return suggestion;
}

function openSuggestion({ review }: Rooms, id: string): Suggestion {
  const suggestion = suggestionsOf(review.doc).get(id);
  if (!suggestion) throw notFound(`no suggestion ${id}`);
  if (suggestion.status !== 'open' && suggestion.status !== 'stale') throw conflict(`the suggestion is ${suggestion.status}`, 'not_open');
  return suggestion;
}

async function settle(rooms: Rooms, suggestion: Suggestion, status: Suggestion['status'], actor: Actor | null) {
  const next = { ...suggestion, status, resolvedBy: actor?.name ?? null, resolvedAt: actor ? Date.now() : null };
  await rooms.review.write((doc) => suggestionsOf(doc).set(next.id, next));
  return next;
}

export async function editSuggestion(rooms: Rooms, actor: Actor, id: string, patch: { text?: string; note?: string }) {
  const suggestion = openSuggestion(rooms, id);
  if (suggestion.authorId !== actor.id) throw forbidden('only its author may edit a suggestion');
  if (suggestion.kind !== 'delete' && patch.text === '') throw badRequest('an insertion or replacement needs text', 'empty_suggestion');
  const next = { ...suggestion, text: patch.text ?? suggestion.text, note: patch.note ?? suggestion.note };
  await rooms.review.write((doc) => suggestionsOf(doc).set(id, next));
  return next;
}

/** Applies the suggestion's text to the content and records it, in one stored group (SPEC 11.4). */
export async function acceptSuggestion(rooms: Rooms, actor: Actor, id: string): Promise<Suggestion> {
  const suggestion = openSuggestion(rooms, id);
  const resolved = resolveAnchor(rooms.content.doc, suggestion.segmentId, suggestion.anchor, suggestion.quote);
  if (resolved.state === 'stale') {
    if (suggestion.status !== 'stale') await settle(rooms, suggestion, 'stale', null);
    throw conflict('the text this suggestion was made on has changed', 'stale');
  }
  replaceText(rooms.content, suggestion.segmentId, resolved.range, suggestion.text);
  const [accepted] = await Promise.all([settle(rooms, suggestion, 'accepted', actor), rooms.content.settled()]);
  return accepted;
}

export async function rejectSuggestion(rooms: Rooms, actor: Actor, id: string) {
  return settle(rooms, openSuggestion(rooms, id), 'rejected', actor);
}

export async function withdrawSuggestion(rooms: Rooms, actor: Actor, id: string) {
  const suggestion = openSuggestion(rooms, id);
  if (suggestion.authorId !== actor.id) throw forbidden('only its author may withdraw a suggestion');
  return settle(rooms, suggestion, 'withdrawn', actor);
}

/** Accepts every open suggestion (of one segment, or all), oldest first; stale ones are reported. */
export async function acceptAll(rooms: Rooms, actor: Actor, segmentId?: string) {
  const open = [...suggestionsOf(rooms.review.doc).values()]
    .filter((s) => s.status === 'open' && (!segmentId || s.segmentId === segmentId))
    .sort((a, b) => a.createdAt - b.createdAt);
  const accepted: Suggestion[] = [];
  const stale: Suggestion[] = [];
  for (const suggestion of open) {
    try {
      accepted.push(await acceptSuggestion(rooms, actor, suggestion.id));
    } catch (error) {
      if ((error as { code?: string }).code !== 'stale') throw error;
      stale.push(suggestionsOf(rooms.review.doc).get(suggestion.id)!);
    }
  }
  return { accepted, stale };
}

/** Rejects every open or stale suggestion (of one segment, or all). */
export async function rejectAll(rooms: Rooms, actor: Actor, segmentId?: string) {
  const pending = [...suggestionsOf(rooms.review.doc).values()].filter(
    (s) => (s.status === 'open' || s.status === 'stale') && (!segmentId || s.segmentId === segmentId),
  );
  const rejected = await Promise.all(pending.map((s) => settle(rooms, s, 'rejected', actor)));
  return { rejected };
}
