// The article's QA and glossary machinery, made once per pair of sessions and shared by the header
// (badge, buttons), the side panels and the export menu.
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import { glossaryOf, type GlossaryStore } from '../glossary/glossary-store.js';
import { QaHighlighter } from './qa-highlights.js';
import { QaStore } from './qa-store.js';
import { SpellingFixer } from './spelling-fix.js';
import { EditorSlot } from '../sheet/editor-slot.js';

export interface DeskTools {
  glossary: GlossaryStore;
  qa: QaStore;
  highlighter: QaHighlighter;
  /** "Make them all X" for names spelled two ways, in the article's editor. */
  spellings: SpellingFixer;
  /** The article's editor, for what the panels change in the text. */
  editor: EditorSlot;
  editable: boolean;
}

const made = new WeakMap<ContentSession, DeskTools>();

export function deskTools(sessions: { content: ContentSession; review: ReviewSession }): DeskTools {
  let tools = made.get(sessions.content);
  if (!tools) {
    const glossary = glossaryOf(sessions.review);
    const qa = new QaStore(sessions.content, sessions.review, glossary);
    const editor = new EditorSlot();
    tools = { glossary, qa, highlighter: new QaHighlighter(qa), spellings: new SpellingFixer(editor), editor, editable: sessions.content.role === 'editor' };
    made.set(sessions.content, tools);
  }
  return tools;
}
