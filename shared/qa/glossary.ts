import type { GlossaryEntry } from './glossary-entry.js';
import { findNearMisses } from './near-miss.js';
import { compileTerm, findTerm, keyedWords, type Term } from './terms.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

export interface CompiledEntry {
  entry: GlossaryEntry;
  source: Term;
  target: Term;
  forbidden: Term[];
}

export function compileGlossary(glossary: readonly GlossaryEntry[]): CompiledEntry[] {
  return glossary
    .filter((entry) => entry.target.trim() !== '')
    .map((entry) => ({
      entry,
      source: compileTerm(entry.source, entry.caseSensitive),
      target: compileTerm(entry.target, entry.caseSensitive),
      forbidden: (entry.forbidden ?? []).filter((f) => f.trim() !== '').map((f) => compileTerm(f, entry.caseSensitive)),
    }));
}

/**
 * Forbidden variants (inflected too) and near-miss spellings of agreed terms in the target, which
 * need no source; and, with a source, agreed translations missing for terms the source uses.
 */
export function checkGlossary(segment: QaSegment, glossary: readonly CompiledEntry[]): QaIssue[] {
  const target = keyedWords(segment.target);
  const source = segment.source == null ? null : keyedWords(segment.source);
  const issues: QaIssue[] = [];
  // Words where an agreed term starts are right, whatever else they resemble.
  const agreedAt = new Set(glossary.flatMap((e) => findTerm(target, e.target).map((m) => m.wordIndex)));
  const flaggedAt = new Set<number>();
  const flaggedEntries = new Set<CompiledEntry>();
  for (const compiled of glossary) {
    for (const variant of compiled.forbidden) {
      for (const match of findTerm(target, variant)) {
        if (agreedAt.has(match.wordIndex)) continue;
        flaggedAt.add(match.wordIndex);
        flaggedEntries.add(compiled);
        const message = `Forbidden term “${variant.text}”: use “${compiled.entry.target}”`;
        issues.push(qaIssue(segment, 'glossary', 'error', message, match));
      }
    }
  }
  for (const compiled of glossary) {
    for (const match of findNearMisses(target, compiled.target, (i) => agreedAt.has(i) || flaggedAt.has(i))) {
      flaggedEntries.add(compiled);
      const text = segment.target.slice(match.start, match.end);
      const message = `“${text}” looks like a misspelling of “${compiled.entry.target}”`;
      issues.push(qaIssue(segment, 'glossary', 'warning', message, match));
    }
  }
  if (!source) return issues;
  for (const compiled of glossary) {
    if (flaggedEntries.has(compiled) || findTerm(source, compiled.source).length === 0) continue;
    if (findTerm(target, compiled.target).length > 0) continue;
    const message = `“${compiled.entry.source}” should be translated as “${compiled.entry.target}”`;
    issues.push(qaIssue(segment, 'glossary', 'warning', message));
  }
  return issues;
}
