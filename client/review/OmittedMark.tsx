// The gutter's mark of an omitted segment (SPEC 15.9): "Omitted", and for editors in Editing mode a
// button that includes it again.
import { useStore } from '../app/store.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { setOmitted } from './structure.js';

export function OmittedMark({ segmentId, number }: { segmentId: string; number: number }) {
  const desk = useDesk();
  return (
    <span className="omitted-mark" data-testid="omitted-mark" title="Left out of exports, QA and progress">
      Omitted
      {desk?.me.role === 'editor' && <IncludeButton desk={desk} segmentId={segmentId} number={number} />}
    </span>
  );
}

function IncludeButton({ desk, segmentId, number }: { desk: ReviewDesk; segmentId: string; number: number }) {
  const editing = useStore(desk.mode, (mode) => mode === 'editing');
  if (!editing) return null;
  return (
    <button type="button" className="omitted-include" aria-label={`Include segment ${number} again`} onClick={() => void setOmitted(desk, segmentId, false)}>
      Include
    </button>
  );
}
