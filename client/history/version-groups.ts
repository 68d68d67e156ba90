// The History panel's list (SPEC 16.10): versions newest first, a named one (or an automatic one
// the server named, "Before restoring …") on a line of its own, and the plain automatic ones
// between two of those gathered by day, so a day of editing is one foldable line.
import { dateOf } from '../app/time.js';
import type { Version } from './history-api.js';

export const AUTOMATIC = 'Automatic';

export type VersionItem =
  | { kind: 'version'; version: Version }
  | { kind: 'automatic'; key: string; day: string; versions: Version[] };

/** The list of items for `versions` (newest first). */
export function versionItems(versions: readonly Version[]): VersionItem[] {
  const items: VersionItem[] = [];
  for (const version of versions) {
    if (!version.auto || version.name !== AUTOMATIC) {
      items.push({ kind: 'version', version });
      continue;
    }
    const day = dateOf(version.createdAt);
    const last = items[items.length - 1];
    if (last?.kind === 'automatic' && last.day === day) last.versions.push(version);
    else items.push({ kind: 'automatic', key: version.id, day, versions: [version] });
  }
  return items;
}

/** The import's version: the oldest named "Draft" (SPEC 16.7), else the oldest of all. */
export function draftOf(versions: readonly Version[]): Version | null {
  const oldestFirst = [...versions].reverse();
  return oldestFirst.find((v) => !v.auto && v.name === 'Draft' && v.author === null) ?? oldestFirst[0] ?? null;
}
