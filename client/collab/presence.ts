// Who is here: the awareness states of the content room, as the server stamped them (name, role)
// with the colour each page chose, one entry per person: the tabs of one person (the `sub` of
// their own token, which each of their pages announces) show once. Listeners hear only when the
// list of people changes, not when a cursor moves, so presence never re-renders anything per keystroke.
import type { Awareness } from 'y-protocols/awareness';
import { Listeners } from '../app/store.js';

export interface Person {
  clientId: number;
  name: string;
  role: string;
  color: string;
  self: boolean;
}

type State = Record<string, unknown>;

/** The person a page belongs to: the `sub` of their own token, once the page has it. */
const personOf = (state: State): string | null => (typeof state.sub === 'string' && state.sub ? state.sub : null);

/** Says in this page's presence whose it is, so that the person's other tabs are known as theirs. */
export function announcePerson(awareness: Awareness, sub: string): void {
  if (awareness.getLocalState()?.sub !== sub) awareness.setLocalStateField('sub', sub);
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  const byPerson = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates() as Map<number, State>) {
    if (!state || typeof state !== 'object') continue;
    const person: Person = {
      clientId,
      name: typeof state.name === 'string' && state.name ? state.name : 'Anonymous',
      role: typeof state.role === 'string' ? state.role : '',
      color: typeof state.color === 'string' ? state.color : '#64748b',
      self: clientId === awareness.clientID,
    };
    const sub = personOf(state);
    const twin = sub === null ? undefined : byPerson.get(sub);
    // One entry per person: this page's own if it is one of theirs, else the first by client id.
    if (twin && (twin.self || (!person.self && twin.clientId < person.clientId))) continue;
    if (twin) people.splice(people.indexOf(twin), 1);
    if (sub !== null) byPerson.set(sub, person);
    people.push(person);
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export class PresenceStore {
  private people: Person[] = [];
  private key = '';
  private readonly listeners = new Listeners();

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
    this.listeners.notify();
  };

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): Person[] => this.people;
}

/**
 * Keeps this page's colour distinct from everyone else's: when someone who came first (a lower
 * client id) already wears it, take the first free colour of the palette. The person's other tabs
 * are no one else: the one with the lowest client id chooses, the others wear its colour. Set on
 * the awareness state directly, so the editor's collaboration plugin keeps running undisturbed.
 */
export function keepColorDistinct(awareness: Awareness, palette: readonly string[]): () => void {
  const check = () => {
    const mine = awareness.getLocalState();
    if (!mine || typeof mine.color !== 'string') return;
    const me = personOf(mine);
    const states = [...(awareness.getStates() as Map<number, State>)].filter(([id, state]) => id !== awareness.clientID && state && typeof state.color === 'string');
    const twins = me === null ? [] : states.filter(([, state]) => personOf(state) === me);
    const lead = twins.reduce<[number, State] | undefined>((first, twin) => (first && first[0] < twin[0] ? first : twin), undefined);
    if (lead && lead[0] < awareness.clientID) {
      if (lead[1].color !== mine.color) awareness.setLocalStateField('color', lead[1].color);
      return;
    }
    const others = states.filter((entry) => !twins.includes(entry));
    const clash = others.some(([id, state]) => state.color === mine.color && id < awareness.clientID);
    if (!clash) return;
    const used = new Set(others.map(([, state]) => state.color as string));
    const free = palette.find((color) => !used.has(color));
    if (free && free !== mine.color) awareness.setLocalStateField('color', free);
  };
  awareness.on('change', check);
  return () => awareness.off('change', check);
}
