// The review room of one article, read-only: document facts, the source of each segment, each
// segment's status and the omitted segments, all written by the server. This page never writes it (its socket cannot).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ReviewRoom, roomName, type SegmentStatus } from '../../shared/schema.js';
import { MessageType } from '../../shared/wire.js';
import { omittedOf } from '../../shared/review/omitted.js';
import { ackSocketClass } from './ack-socket.js';
import { liveSocketClass } from './live-socket.js';
import { collabUrl, RETRY } from './endpoint.js';
import { Listeners } from '../app/store.js';

export interface ReviewSnapshot {
  loaded: boolean;
  title: string;
  sourceLang: string;
  targetLang: string;
  sources: ReadonlyMap<string, string>;
  statuses: ReadonlyMap<string, SegmentStatus>;
  /** The segments left out of exports, QA and the progress by status (SPEC 11.9). */
  omitted: ReadonlySet<string>;
}

/**
 * Whether the sheet has a source column. Until the review room answers it has one, as most
 * articles do: the translation is laid out in its own column from the first paint and does not
 * move when the sources arrive (only a draft imported alone then takes the full width).
 */
export const showsSources = (facts: ReviewSnapshot): boolean => !facts.loaded || facts.sources.size > 0;

export class ReviewSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private snapshot: ReviewSnapshot = {
    loaded: false,
    title: '',
    sourceLang: '',
    targetLang: '',
    sources: new Map(),
    statuses: new Map(),
    omitted: new Set(),
  };
  private readonly listeners = new Listeners();

  /** Opens no socket: the page calls `provider.connect()` when it wants the room. */
  constructor(docId: string, token: string, name: string) {
    this.provider = new WebsocketProvider(collabUrl(), roomName(docId, 'review'), this.doc, {
      connect: false,
      params: { token, name },
      WebSocketPolyfill: liveSocketClass(ackSocketClass(() => {}, true), false),
      ...RETRY,
    });
    // The heartbeat is read by the socket; the provider only needs to know it is no error.
    this.provider.messageHandlers[MessageType.heartbeat] = () => {};
    const meta = this.doc.getMap<string>(ReviewRoom.meta);
    const sources = this.doc.getMap<string>(ReviewRoom.source);
    const statuses = this.doc.getMap<SegmentStatus>(ReviewRoom.status);
    const omitted = omittedOf(this.doc);
    const refresh = () => {
      this.snapshot = {
        loaded: this.snapshot.loaded || this.provider.synced,
        title: meta.get('title') ?? '',
        sourceLang: meta.get('sourceLang') ?? '',
        targetLang: meta.get('targetLang') ?? '',
        sources: new Map(sources.entries()),
        statuses: new Map(statuses.entries()),
        omitted: new Set(omitted.keys()),
      };
      this.listeners.notify();
    };
    this.doc.on('afterTransaction', refresh);
    this.provider.on('sync', (synced: boolean) => synced && refresh());
  }

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): ReviewSnapshot => this.snapshot;
}
