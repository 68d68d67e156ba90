// Short messages about review actions (done, refused), at the bottom of the page.
import { useStore } from '../app/store.js';
import { useDesk } from './desk.js';

export function Notices() {
  const desk = useDesk();
  const notices = useStore(desk?.notices ?? EMPTY);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          {n.text}
        </div>
      ))}
    </div>
  );
}

const EMPTY = { subscribe: () => () => {}, get: () => [] as never[] };
