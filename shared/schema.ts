// What server and client agree on: room names, roles, close codes and the layout of the review room.

export const ROLES = ['viewer', 'reviewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** A document id: lowercase letters and digits, made by the server. */
export const DOC_ID_PATTERN = /^[a-z0-9]{6,32}$/;

export type RoomKind = 'content' | 'review';

/** The y-websocket room name of a document's room: `<doc>` or `<doc>/review`. */
export function roomName(docId: string, kind: RoomKind): string {
  return kind === 'content' ? docId : `${docId}/review`;
}

/** Parses a room name as it appears after `/collab/`; null when it names no valid room. */
export function parseRoomName(name: string): { docId: string; kind: RoomKind } | null {
  const [docId, suffix, ...rest] = name.split('/');
  if (rest.length > 0 || !DOC_ID_PATTERN.test(docId)) return null;
  if (suffix === undefined) return { docId, kind: 'content' };
  if (suffix === 'review') return { docId, kind: 'review' };
  return null;
}

/** Only editors write the content room; nobody but the server writes the review room. */
export function mayWrite(role: Role, kind: RoomKind): boolean {
  return kind === 'content' && role === 'editor';
}

/** WebSocket close codes. 4400–4499 are final: y-websocket's provider stops retrying. */
export const CloseCode = {
  goingAway: 1001,
  tooBigForTransport: 1009,
  serverError: 1011,
  overloaded: 1013,
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** A browser page of an origin the server does not allow (ALLOWED_ORIGINS). */
  originNotAllowed: 4406,
  tooLarge: 4413,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The reason of a 1011 close when the server cannot save: its store is unreachable, so a write was
 * refused before it applied (or a room whose append failed was dropped). The desk tells it from any
 * other 1011: it says the server cannot save and waits longer before each new try (SPEC 10.30, 17.17).
 */
export const STORE_UNREACHABLE_REASON = 'the store is unreachable: changes are not saved';

/** Close codes after which a client must not reconnect on its own. */
export function isFinalClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

export const SEGMENT_STATES = ['draft', 'translated', 'reviewed', 'approved'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

export interface SegmentStatus {
  state: SegmentState;
  by: string | null;
  at: number;
}

/** Top-level shared types of the review room (a plain Y.Doc written only by the server). */
export const ReviewRoom = {
  /** Y.Map<string>: document facts (title, sourceLang, targetLang). */
  meta: 'meta',
  /** Y.Map<string>: segment id → source text. */
  source: 'source',
  /** Y.Map<SegmentStatus>: segment id → status. */
  status: 'status',
  /** Y.Map: `entries` → the document's glossary entries (replaced whole). */
  glossary: 'glossary',
  /** Y.Map: `profile` → the article's QA profile, each check on, off or as a warning (replaced whole). */
  qa: 'qa',
  /** Y.Map<IgnoredIssue>: id → an occurrence of a QA issue set aside. */
  qaIgnored: 'qaIgnored',
  /** Y.Map<SegmentMark>: segment id → who omitted it, and when; a segment not in it is not omitted. */
  omitted: 'omitted',
  /** Y.Map: segment id → who last changed its text (`by`, `role`; null for the server) and when (`at`). */
  changed: 'changed',
  /** Y.Map: segment id → the version holding the text it was last marked Reviewed or Approved on (`versionId`), who marked it (`by`) and when (`at`). */
  reviewedIn: 'reviewedIn',
  /** Y.Map: the article's settings: `propagateRepetitions` → false when confirming a segment does not fill its repetitions (SPEC 18.20). */
  settings: 'settings',
  /** Y.Map<RepetitionFill>: segment id → the confirmed segment whose translation filled it as a repetition (SPEC 18.21). */
  repeated: 'repeated',
} as const;

/** Who set a segment flag (omitted), and when (ms). */
export interface SegmentMark {
  by: string | null;
  at: number;
}

/** Name of the Lexical root in the content room (the standard binding: a Y.XmlText). */
export const CONTENT_ROOT = 'root';

export interface DocumentInfo {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  createdAt: number;
  updatedAt: number;
  segmentCount: number;
}

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'xliff', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
