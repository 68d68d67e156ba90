// The review room's records (SPEC 11): suggestions and comment threads, keyed by id in Y.Maps.
import type * as Y from 'yjs';

/** Yjs relative positions (as JSON) of a range's two ends in the content room. */
export interface Anchor {
  start: Record<string, unknown>;
  end: Record<string, unknown>;
}

/** The text a range covered when it was made, with a little context to find it again. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export const SUGGESTION_KINDS = ['insert', 'delete', 'replace'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_STATES = ['open', 'accepted', 'rejected', 'stale', 'withdrawn'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export interface Suggestion {
  id: string;
  segmentId: string;
  anchor: Anchor;
  quote: Quote;
  kind: SuggestionKind;
  text: string;
  note: string;
  /** The author's display name and token holder id (`sub`), from the token. */
  author: string;
  authorId: string;
  authorRole: string;
  createdAt: number;
  status: SuggestionState;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export interface Comment {
  id: string;
  author: string;
  authorId: string;
  text: string;
  at: number;
}

export interface Thread {
  id: string;
  segmentId: string;
  anchor: Anchor;
  quote: Quote;
  resolved: boolean;
  resolvedBy: string | null;
  author: string;
  authorId: string;
  comments: Comment[];
}

export const suggestionsOf = (doc: Y.Doc) => doc.getMap<Suggestion>('suggestions');
export const threadsOf = (doc: Y.Doc) => doc.getMap<Thread>('threads');
