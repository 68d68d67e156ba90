// Paired marks: which closer ends which opener, and where they are unbalanced in a text.
const CLOSERS_OF: Record<string, string> = { '“': '”', '‘': '’', '«': '»', '„': '“”', '‚': '‘’', '(': ')', '[': ']' };
const QUOTES = '“‘«„‚”’»';
const CLOSERS = '”’»)]';
const MARKS = `${Object.keys(CLOSERS_OF).join('')}${CLOSERS}`;
const LETTER = /[\p{L}\p{M}\p{Nd}]/u;

export type MarkProblem =
  | { kind: 'unclosed'; mark: string; at: number }
  | { kind: 'unopened'; mark: string; at: number }
  | { kind: 'mismatched'; mark: string; closer: string; at: number; closerAt: number };

interface Open {
  mark: string;
  at: number;
  reported: boolean;
}

export const isQuote = (mark: string): boolean => QUOTES.includes(mark);

/** Unbalanced and mismatched paired marks. ’ between letters, or after one with no ‘ open, is an apostrophe. */
export function markProblems(text: string): MarkProblem[] {
  const problems: MarkProblem[] = [];
  const stack: Open[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!MARKS.includes(ch)) continue;
    const top = stack[stack.length - 1];
    const letterBefore = LETTER.test(text[i - 1] ?? '');
    const letterAfter = LETTER.test(text[i + 1] ?? '');
    if (top && CLOSERS_OF[top.mark].includes(ch) && !(ch === '’' && letterBefore && letterAfter)) {
      stack.pop();
      continue;
    }
    if (ch in CLOSERS_OF) {
      if (!(ch === '‘' && letterBefore && letterAfter)) stack.push({ mark: ch, at: i, reported: false });
      continue;
    }
    if (!CLOSERS.includes(ch) || (ch === '’' && letterBefore && letterAfter)) continue;
    const opener = stack.findLastIndex((open) => CLOSERS_OF[open.mark].includes(ch));
    if (opener >= 0) {
      for (const open of stack.slice(opener + 1)) {
        if (!open.reported) problems.push({ kind: 'unclosed', mark: open.mark, at: open.at });
      }
      stack.length = opener;
      continue;
    }
    const sameFamily = top && isQuote(top.mark) === isQuote(ch);
    if (ch === '’') {
      // “Agentforce’ closes a quote with the wrong mark; "the employees’ letter" has an apostrophe.
      const hugs = top && isQuote(top.mark) && !/\s/u.test(text.slice(top.at + 1, i));
      if (hugs && !top.reported) {
        problems.push({ kind: 'mismatched', mark: top.mark, closer: ch, at: top.at, closerAt: i });
        top.reported = true;
      }
    } else if (top && sameFamily && !top.reported) {
      problems.push({ kind: 'mismatched', mark: top.mark, closer: ch, at: top.at, closerAt: i });
      top.reported = true;
    } else {
      problems.push({ kind: 'unopened', mark: ch, at: i });
    }
  }
  for (const open of stack) if (!open.reported) problems.push({ kind: 'unclosed', mark: open.mark, at: open.at });
  return problems.sort((a, b) => a.at - b.at);
}
