// Who is here: the awareness states of the content room, as the server stamped them (name, role)
// with the colour each page chose. Listeners hear only when the list of people changes, not when a
// cursor moves, so presence never re-renders anything per keystroke.
import type { Awareness } from 'y-protocols/awareness';

export interface Person {
  clientId: number;
  name: string;
  role: string;
  color: string;
  self: boolean;
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (!state || typeof state !== 'object') continue;
    const name = typeof state.name === 'string' && state.name ? state.name : 'Anonymous';
    people.push({
      clientId,
      name,
      role: typeof state.role === 'string' ? state.role : '',
      color: typeof state.color === 'string' ? state.color : '#64748b',
      self: clientId === awareness.clientID,
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export class PresenceStore {
  private people: Person[] = [];
  private key = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.refresh);
    this.refresh();
  }

  private readonly refresh = () => {
    const people = readPeople(this.awareness);
    const key = people.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.role}\u0000${p.color}`).join('\u0001');
    if (key === this.key) return;
    this.key = key;
    this.people = people;
    for (const listener of this.listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): Person[] => this.people;
}

/**
 * Keeps this page's colour distinct from everyone else's: when someone who came first (a lower
 * client id) already wears it, take the first free colour of the palette. Set on the awareness
 * state directly, so the editor's collaboration plugin keeps running undisturbed.
 */
export function keepColorDistinct(awareness: Awareness, palette: readonly string[]): () => void {
  const check = () => {
    const mine = awareness.getLocalState();
    if (!mine || typeof mine.color !== 'string') return;
    const others = [...awareness.getStates()].filter(([id, state]) => id !== awareness.clientID && state && typeof state.color === 'string');
    const clash = others.some(([id, state]) => state.color === mine.color && id < awareness.clientID);
    if (!clash) return;
    const used = new Set(others.map(([, state]) => state.color as string));
    const free = palette.find((color) => !used.has(color));
    if (free && free !== mine.color) awareness.setLocalStateField('color', free);
  };
  awareness.on('change', check);
  return () => awareness.off('change', check);
}
