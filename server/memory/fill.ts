// Fills the memory from a whole article on request (SPEC 18.32): a unit for every confirmed segment,
// as confirming each would write it (writer.ts), in one transaction.
import { segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import type { DocumentRecord } from '../storage/store.js';
import type { Rooms } from '../review/context.js';
import type { MemoryStore } from './memory-store.js';
import { unitsOf } from './writer.js';

export interface Filled {
  /** The article's segments, and how many of them were written as units. */
  segments: number;
  units: number;
  added: number;
  updated: number;
}

export async function fillFromArticle(memory: MemoryStore, rooms: Rooms, doc: Pick<DocumentRecord, 'sourceLang' | 'targetLang'>): Promise<Filled> {
  const ids = segmentTypes(rooms.content.doc).flatMap((type) => segmentIdOf(type) ?? []);
  const units = unitsOf(rooms, ids, doc.sourceLang, doc.targetLang);
  const { added, updated } = units.length > 0 ? await memory.importUnits(units) : { added: 0, updated: 0 };
  return { segments: ids.length, units: units.length, added, updated };
}
