// Comment threads (SPEC 11): anchored like suggestions; replies; resolved and reopened by editors,
// or by reviewers on their own threads.
import { newId } from '../../shared/ids.js';
import { createAnchor } from '../../shared/review/anchor.js';
import { threadsOf, type Thread } from '../../shared/review/types.js';
import { badRequest, forbidden, notFound } from '../../shared/api-error.js';
import { segmentText, type Actor, type Rooms } from './context.js';
import { targetRange, type RangeInput } from './target-range.js';

export interface NewThread extends RangeInput {
  segmentId: string;
  text: string;
}

function comment(actor: Actor, text: string) {
  if (text.trim() === '') throw badRequest('a comment needs text', 'empty_comment');
  return { id: newId(), author: actor.name, authorId: actor.id, text, at: Date.now() };
}

export async function createThread({ content, review }: Rooms, actor: Actor, input: NewThread): Promise<Thread> {
  const range = targetRange(segmentText(content.doc, input.segmentId), input, { whole: true });
  const thread: Thread = {
    id: newId(),
    segmentId: input.segmentId,
    ...createAnchor(content.doc, input.segmentId, range)!,
    resolved: false,
    resolvedBy: null,
    author: actor.name,
    authorId: actor.id,
    comments: [comment(actor, input.text)],
  };
  await review.write((doc) => threadsOf(doc).set(thread.id, thread));
  return thread;
}

function existing({ review }: Rooms, id: string): Thread {
  const thread = threadsOf(review.doc).get(id);
  if (!thread) throw notFound(`no thread ${id}`);
  return thread;
}

export async function reply(rooms: Rooms, actor: Actor, id: string, text: string) {
  const thread = existing(rooms, id);
  const added = comment(actor, text);
  const next = { ...thread, comments: [...thread.comments, added] };
  await rooms.review.write((doc) => threadsOf(doc).set(id, next));
  return added;
}

export async function setResolved(rooms: Rooms, actor: Actor, id: string, resolved: boolean) {
  const thread = existing(rooms, id);
  if (actor.role !== 'editor' && thread.authorId !== actor.id) {
    throw forbidden(`a ${actor.role} may ${resolved ? 'resolve' : 'reopen'} only their own threads`);
  }
  const next = { ...thread, resolved, resolvedBy: resolved ? actor.name : null };
  await rooms.review.write((doc) => threadsOf(doc).set(id, next));
  return next;
}
