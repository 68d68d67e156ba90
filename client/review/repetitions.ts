// Repetitions in the desk (SPEC 18.24): which segments share a source (grouped as the memory
// normalises it), whether confirming one fills the others, and the editors' actions on both.
import { propagatesRepetitions, repetitionGroups } from '../../shared/review/repetitions.js';
import { plural } from '../app/plural.js';
import type { ReviewDesk } from './desk.js';
import { ValueStore } from './value-store.js';

export interface RepetitionFacts {
  /** Each segment with repetitions → every segment sharing its source, in article order. */
  groups: ReadonlyMap<string, readonly string[]>;
  propagate: boolean;
}

const stores = new WeakMap<ReviewDesk, ValueStore<RepetitionFacts>>();

/** The article's repetitions, following its segments and its review room. */
export function repetitionsOf(desk: ReviewDesk): ValueStore<RepetitionFacts> {
  let store = stores.get(desk);
  if (store) return store;
  let read: { order: readonly string[]; sources: ReadonlyMap<string, string> } | null = null;
  const facts = (): RepetitionFacts => {
    const order = desk.order.get();
    const { sources } = desk.review.get();
    const groups = read?.order === order && read.sources === sources ? store!.get().groups : repetitionGroups(order, (id) => sources.get(id));
    read = { order, sources };
    return { groups, propagate: propagatesRepetitions(desk.review.doc) };
  };
  const created = new ValueStore<RepetitionFacts>(facts(), (a, b) => a.groups === b.groups && a.propagate === b.propagate);
  store = created;
  stores.set(desk, created);
  const follow = () => created.set(facts());
  desk.order.subscribe(follow);
  desk.review.subscribe(follow);
  return created;
}

/** Fills a confirmed segment's repetitions with its translation (editors). */
export async function fillRepetitions(desk: ReviewDesk, segmentId: string): Promise<void> {
  const result = await desk.run(() => desk.api.propagate(segmentId));
  if (!result) return;
  desk.notify(result.filled.length > 0 ? `Filled ${plural(result.filled.length, 'repetition')}, left as drafts.` : 'No repetition to fill: the others are confirmed or edited.');
}

export async function setPropagation(desk: ReviewDesk, on: boolean): Promise<void> {
  await desk.run(
    () => desk.api.setPropagation(on),
    on ? 'Confirming a segment now fills its repetitions.' : 'Confirming a segment no longer fills its repetitions.',
  );
}
