// What an editor's QA panel can do about an issue: respell a name across the article (in Editing
// mode), ignore an occurrence, or take the ignore back (through the HTTP API, which stores it in
// the review room for everyone).
import { useMemo } from 'react';
import { ValueStore, useStore } from '../app/store.js';
import type { DeskTools } from './desk-tools.js';
import { useDesk, type Mode } from '../review/desk.js';
import { occurrenceKey, occurrenceOf } from '../../shared/qa/profile.js';
import type { QaIssue } from './qa-types.js';
import type { IssueActions } from './QaIssueItem.js';

const EDITING = new ValueStore<Mode>('editing');

export function useIssueActions(tools: DeskTools): IssueActions {
  const desk = useDesk();
  // A suggesting editor suggests: respelling the article is an edit.
  const editing = useStore(desk?.mode ?? EDITING) === 'editing';
  return useMemo(() => {
    if (!tools.editable || !desk) return {};
    const occurrence = (issue: QaIssue) => occurrenceOf(issue, tools.qa.get().texts.get(issue.segmentId) ?? '');
    return {
      respell: editing ? (from: string, to: string) => void tools.spellings.makeAll(from, to) : undefined,
      ignore: (issue: QaIssue) => void desk.run(() => desk.api.ignoreIssue(occurrence(issue))),
      unignore: (issue: QaIssue) => {
        const entry = tools.qa.get().ignoredEntries.get(occurrenceKey(occurrence(issue)));
        if (entry) void desk.run(() => desk.api.unignoreIssue(entry.id));
      },
    };
  }, [tools, desk, editing]);
}
