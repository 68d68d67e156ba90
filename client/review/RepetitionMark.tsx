// The gutter's mark of a segment whose source other segments repeat (SPEC 18.24): "Repeated ×N",
// N the segments sharing it, their numbers in its tooltip.
import { useStore } from '../app/store.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { repetitionsOf } from './repetitions.js';

export function RepetitionMark({ segmentId }: { segmentId: string }) {
  const desk = useDesk();
  return desk ? <Mark desk={desk} segmentId={segmentId} /> : null;
}

function Mark({ desk, segmentId }: { desk: ReviewDesk; segmentId: string }) {
  const group = useStore(repetitionsOf(desk), (facts) => facts.groups.get(segmentId));
  const order = useStore(desk.order);
  if (!group) return null;
  const others = group.filter((id) => id !== segmentId).map((id) => order.indexOf(id) + 1);
  const numbers = others.length === 1 ? `${others[0]}` : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  return (
    <span className="repeat-mark" data-testid="repeat-mark" title={`The same source as segment${others.length === 1 ? '' : 's'} ${numbers}`}>
      Repeated ×{group.length}
    </span>
  );
}
