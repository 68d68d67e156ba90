// Repetitions in the desk (SPEC 18.24): which segments share a source (grouped as the memory
// normalises it), whether confirming one fills the others, and the editors' actions on both.
import { ReviewRoom } from '../../shared/schema.js';
import { propagatesRepetitions, repetitionGroups } from '../../shared/review/repetitions.js';
import { plural } from '../app/plural.js';
import type { ReviewDesk } from './desk.js';
import { ValueStore } from '../app/store.js';

export interface RepetitionFacts {
  /** Each segment with repetitions → every segment sharing its source, in article order. */
  groups: ReadonlyMap<string, readonly string[]>;
  propagate: boolean;
}

const stores = new WeakMap<ReviewDesk, ValueStore<RepetitionFacts>>();

/**
 * The article's repetitions: regrouped only when a source or the list of segments changes, so the
 * rows' marks never re-render while someone types.
 */
export function repetitionsOf(desk: ReviewDesk): ValueStore<RepetitionFacts> {
  const known = stores.get(desk);
  if (known) return known;
  const { doc } = desk.review;
  const sources = doc.getMap<string>(ReviewRoom.source);
  const groups = () => repetitionGroups(desk.order.get(), (id) => sources.get(id));
  const store = new ValueStore<RepetitionFacts>({ groups: groups(), propagate: propagatesRepetitions(doc) });
  stores.set(desk, store);
  const regroup = () => store.set({ ...store.get(), groups: groups() });
  desk.order.subscribe(regroup);
  sources.observe(regroup);
  doc.getMap(ReviewRoom.settings).observe(() => store.set({ ...store.get(), propagate: propagatesRepetitions(doc) }));
  return store;
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
