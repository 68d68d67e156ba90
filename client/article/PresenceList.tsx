// The people present, each by name with their colour; you first.
import { initial, shownColor } from '../collab/colors.js';
import type { PresenceStore } from '../collab/presence.js';
import { useStore } from '../app/store.js';

const MAX_SHOWN = 4;

export function PresenceList({ presence }: { presence: PresenceStore }) {
  const people = useStore(presence);
  const shown = people.slice(0, MAX_SHOWN);
  const hidden = people.slice(MAX_SHOWN);
  return (
    <ul className="presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} here`} data-testid="presence">
      {shown.map((person) => (
        <li
          key={person.clientId}
          className={person.self ? 'person self' : 'person'}
          style={{ '--person': shownColor(person.color) } as React.CSSProperties}
          title={`${person.name}${person.self ? ' (you)' : ''}${person.role ? ` · ${person.role}` : ''}`}
          data-name={person.name}
        >
          <span className="avatar" aria-hidden="true">
            {initial(person.name)}
          </span>
          <span className="person-name">{person.name}</span>
          {person.self && <span className="visually-hidden"> (you)</span>}
          {person.role && <span className="visually-hidden">, {person.role}</span>}
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="person more" title={hidden.map((p) => p.name).join(', ')}>
          +{hidden.length}
        </li>
      )}
    </ul>
  );
}
