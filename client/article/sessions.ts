// One pair of sessions (content and review room) per article, name and token, for the page's life.
import type { Role } from '../../shared/schema.js';
import { createContentSession, type ContentSession } from '../collab/content-session.js';
import { ReviewSession } from '../collab/review-session.js';
import { announcePerson, keepColorDistinct, PresenceStore } from '../collab/presence.js';
import { readClaims } from '../collab/token.js';
import { PALETTE } from '../collab/colors.js';
import { ReviewDesk } from '../review/desk.js';
import { personalToken } from '../review/personal-token.js';

export interface ArticleSessions {
  content: ContentSession;
  review: ReviewSession;
  presence: PresenceStore;
  /** The review UI's shared state and actions (suggestions, comments, statuses). */
  desk: ReviewDesk;
}

const open = new Map<string, ArticleSessions>();

/** The rooms open with the link's token; the review API waits for this person's own token
 *  (personal-token.ts), traded once the translation is on screen. */
export function articleSessions(docId: string, token: string, role: Role, name: string): ArticleSessions {
  const key = `${docId}\u0000${token}\u0000${name}`;
  let sessions = open.get(key);
  if (!sessions) {
    const content = createContentSession(docId, token, role, name);
    // The review room and the trade for this person's own token wait until the translation is on
    // screen: what the person came to edit is not kept waiting behind the sources, on the server or
    // in the page.
    const review = new ReviewSession(docId, token, name);
    const ownToken = new Promise<string>((resolve) => {
      content.onScreen(() => {
        resolve(personalToken(docId, token, name));
        review.provider.connect();
      });
      // Closed for good before that: the link's token serves (the server refuses either).
      content.provider.on('closed', () => resolve(token));
    });
    review.provider.on('closed', ({ code, reason }) => content.state.close(code, reason));
    keepColorDistinct(content.provider.awareness, PALETTE);
    // The link's token is everyone's who holds the link: only the person's own one tells their tabs.
    void ownToken.then((own) => {
      const { sub } = readClaims(own);
      if (own !== token && sub) announcePerson(content.provider.awareness, sub);
    });
    const desk = new ReviewDesk(docId, ownToken, name, role, content, review);
    sessions = { content, review, presence: new PresenceStore(content.provider.awareness), desk };
    open.set(key, sessions);
  }
  return sessions;
}
