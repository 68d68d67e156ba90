// The glossaries an article uses: its own (live, from the review room) and the workspace's (fetched
// with the article's token: on first sync, whenever the article's own changes, and every minute
// while connected). One store per review session.
import { ReviewRoom } from '../../shared/schema.js';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import type { ReviewSession } from '../collab/review-session.js';
import { documentGlossaryPath, readGlossary } from './glossary-api.js';
import { Listeners } from '../app/store.js';

export interface GlossarySnapshot {
  /** The article's own glossary. */
  entries: readonly GlossaryEntry[];
  /** The workspace glossary, merged into every article's checks. */
  workspace: readonly GlossaryEntry[];
  /** Both, the article's first (it wins where both have a term). */
  all: readonly GlossaryEntry[];
}

const REFRESH_MS = 60_000;

export class GlossaryStore {
  private snapshot: GlossarySnapshot = { entries: [], workspace: [], all: [] };
  private readonly listeners = new Listeners();
  private fetching = false;
  private closed = false;

  constructor(
    private readonly review: ReviewSession,
    readonly docId: string,
    readonly token: string,
  ) {
    const map = review.doc.getMap<unknown>(ReviewRoom.glossary);
    const readOwn = () => {
      const entries = map.get('entries');
      this.set({ entries: Array.isArray(entries) ? (entries as GlossaryEntry[]) : [] });
    };
    map.observe(() => {
      readOwn();
      void this.refreshWorkspace();
    });
    readOwn();
    review.provider.on('sync', (synced: boolean) => synced && void this.refreshWorkspace());
    review.provider.on('closed', () => (this.closed = true));
    if (review.provider.synced) void this.refreshWorkspace();
    const timer = setInterval(() => void this.refreshWorkspace(), REFRESH_MS);
    review.provider.on('closed', () => clearInterval(timer));
  }

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): GlossarySnapshot => this.snapshot;

  /** The article's own entries as just stored (the review room follows shortly). */
  stored(entries: GlossaryEntry[]): void {
    this.set({ entries });
  }

  private set(change: Partial<Pick<GlossarySnapshot, 'entries' | 'workspace'>>): void {
    const entries = change.entries ?? this.snapshot.entries;
    const workspace = change.workspace ?? this.snapshot.workspace;
    if (entries === this.snapshot.entries && workspace === this.snapshot.workspace) return;
    this.snapshot = { entries, workspace, all: [...entries, ...workspace] };
    this.listeners.notify();
  }

  /** Only while connected: a request that cannot succeed would only add noise. */
  private async refreshWorkspace(): Promise<void> {
    if (this.fetching || this.closed || !this.review.provider.wsconnected || document.hidden) return;
    this.fetching = true;
    try {
      const { workspace = [] } = await readGlossary(documentGlossaryPath(this.docId), this.token);
      if (JSON.stringify(workspace) !== JSON.stringify(this.snapshot.workspace)) this.set({ workspace });
    } catch {
      // Kept as it was; the next refresh tries again.
    } finally {
      this.fetching = false;
    }
  }
}

const stores = new WeakMap<ReviewSession, GlossaryStore>();

/** The glossary store of an article's review session (its room name and token say which article). */
export function glossaryOf(review: ReviewSession): GlossaryStore {
  let store = stores.get(review);
  if (!store) {
    const docId = review.provider.roomname.split('/')[0];
    store = new GlossaryStore(review, docId, review.provider.params.token ?? '');
    stores.set(review, store);
  }
  return store;
}
