// A segment's word diff: deletions struck, insertions underlined, each in the token system's colours
// (history.css); <del> and <ins> tell screen readers which is which.
import type { DiffOp } from '../../shared/diff/words.js';

export function DiffText({ ops, lang }: { ops: readonly DiffOp[]; lang: string }) {
  if (ops.length === 0) return <span className="diff-empty">(empty)</span>;
  return (
    <span className="diff-text" lang={lang || undefined}>
      {ops.map((op, i) =>
        op.op === 'equal' ? (
          <span key={i}>{op.text}</span>
        ) : op.op === 'delete' ? (
          <del key={i} className="diff-del">
            {op.text}
          </del>
        ) : (
          <ins key={i} className="diff-ins">
            {op.text}
          </ins>
        ),
      )}
    </span>
  );
}
