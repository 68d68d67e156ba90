// Everything the review UI of one article shares: who I am, the review items, the API, and the
// small states (mode, the card in focus, the selection, the open composer, messages).
import { createContext, useContext } from 'react';
import type { Role } from '../../shared/schema.js';
import { ApiError } from '../app/api.js';
import { readClaims } from '../collab/token.js';
import type { ReviewSession } from '../collab/review-session.js';
import type { ContentSession } from '../collab/content-session.js';
import { ReviewItems } from './items.js';
import { reviewApi, type ReviewApi } from './review-api.js';
import { ValueStore } from '../app/store.js';
import { segmentOrder } from './segment-order.js';
import { progressOf, type Progress } from './progress.js';
import { panels } from '../app/panel-store.js';

export type Mode = 'editing' | 'suggesting' | 'reading';

/** A place in the translation: a range of one segment's plain text (empty for a caret). */
export interface TextSpot {
  segmentId: string;
  start: number;
  end: number;
}

export interface Composing {
  kind: 'suggest' | 'comment';
  spot: TextSpot;
  /** A comment on the whole segment rather than on the spot. */
  whole?: boolean;
  initial: string;
}

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export const sameSpot = (a: TextSpot | null, b: TextSpot | null) =>
  a === b || (!!a && !!b && a.segmentId === b.segmentId && a.start === b.start && a.end === b.end);

export class ReviewDesk {
  readonly api: ReviewApi;
  readonly items: ReviewItems;
  readonly me: { name: string; role: Role };
  /** This person's id (`sub` of their own token) once it is known: what they wrote is theirs. */
  readonly myId = new ValueStore<string | null>(null);
  readonly mode: ValueStore<Mode>;
  readonly active = new ValueStore<string | null>(null);
  /** The segment whose status button is the source column's one tab stop (null: the first). */
  readonly statusStop = new ValueStore<string | null>(null);
  readonly spot = new ValueStore<TextSpot | null>(null, sameSpot);
  readonly composing = new ValueStore<Composing | null>(null);
  /** The split being set up in its dialog: the segment and the caret's offset in its text. */
  readonly splitting = new ValueStore<{ segmentId: string; at: number } | null>(null);
  /** The margin: shown while there is something in it ('auto'), or as the person chose. Beside
   *  a side panel, a margin with no card to show gives its width to the source and translation. */
  readonly marginOpen = new ValueStore<'auto' | 'open' | 'closed'>('auto');
  readonly marginShown = new ValueStore(false);
  readonly showResolved = new ValueStore(false);
  readonly notices = new ValueStore<Notice[]>([]);
  /** The segment ids in the article's order. */
  readonly order: ValueStore<readonly string[]>;
  readonly progress: ValueStore<Progress>;
  private noticeId = 0;

  constructor(
    readonly docId: string,
    /** This person's own token (personal-token.ts), for the review and history APIs. */
    readonly token: Promise<string>,
    name: string,
    role: Role,
    readonly session: ContentSession,
    readonly review: ReviewSession,
  ) {
    this.api = reviewApi(docId, () => token);
    void token.then((own) => this.myId.set(readClaims(own).sub));
    this.items = new ReviewItems(review.doc);
    this.order = segmentOrder(session.doc, session.onScreen);
    this.progress = progressOf(session, review);
    const follow = () => {
      const choice = this.marginOpen.get();
      const { openSuggestions, openThreads, resolvedThreads } = this.items.get();
      const cards = openSuggestions + openThreads + (this.showResolved.get() ? resolvedThreads : 0);
      const collapsed = cards === 0 && panels.get() !== null;
      this.marginShown.set(choice === 'open' || (choice === 'auto' && openSuggestions + openThreads + resolvedThreads > 0 && !collapsed));
    };
    // A side panel opening collapses an empty margin even if the person had opened it; they may
    // open it again beside the panel.
    panels.subscribe(() => {
      if (panels.get() !== null && this.marginOpen.get() === 'open') this.marginOpen.set('auto');
      follow();
    });
    this.items.subscribe(follow);
    this.marginOpen.subscribe(follow);
    this.showResolved.subscribe(follow);
    follow();
    this.me = { name, role };
    this.mode = new ValueStore<Mode>(role === 'editor' ? 'editing' : role === 'reviewer' ? 'suggesting' : 'reading');
  }

  /** The content room's document (the translation). */
  get content() {
    return this.session.doc;
  }

  get canSuggest(): boolean {
    return this.me.role !== 'viewer';
  }

  get canDecide(): boolean {
    return this.me.role === 'editor';
  }

  notify(text: string, tone: Notice['tone'] = 'info'): void {
    const notice = { id: ++this.noticeId, text, tone };
    this.notices.set([...this.notices.get().slice(-2), notice]);
    setTimeout(() => this.notices.set(this.notices.get().filter((n) => n !== notice)), tone === 'error' ? 6000 : 3500);
  }

  /** Runs an API action; a refusal becomes a message. Resolves to the result, or null on failure. */
  async run<T>(action: () => Promise<T>, done?: string): Promise<T | null> {
    try {
      const result = await action();
      if (done) this.notify(done);
      return result;
    } catch (error) {
      this.notify(describe(error), 'error');
      return null;
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === 'stale') return 'The text this suggestion was made on has changed; it can no longer be accepted.';
  if (error.status === 403) return `Not allowed: ${error.message}.`;
  if (error.status === 0) return error.message;
  return error.message.charAt(0).toUpperCase() + error.message.slice(1) + (error.message.endsWith('.') ? '' : '.');
}

export const DeskContext = createContext<ReviewDesk | null>(null);

export function useDesk(): ReviewDesk | null {
  return useContext(DeskContext);
}
