import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSocketClass } from '../../client/collab/live-socket.js';
import { MessageType } from '../../shared/wire.js';

const UPDATE = Uint8Array.of(0, 2, 2, 0, 0);

/** A socket without a network: the test opens it, answers it, and reads what it sent. */
class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readyState = FakeSocket.CONNECTING;
  sent: Uint8Array[] = [];
  private answered = 0;
  /** What the provider hears, as y-websocket reads it. */
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {
    super();
    this.addEventListener('close', (event) => this.onclose?.(event as CloseEvent));
  }

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  close(): void {
    this.readyState = FakeSocket.CLOSING;
  }

  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  receive(): void {
    this.dispatchEvent(new Event('message'));
  }

  heartbeats(): number {
    return this.sent.filter((m) => m.length === 1 && m[0] === MessageType.heartbeat).length;
  }

  /** Answers each heartbeat once, as the server does; the stored acknowledgements stay away. */
  answerHeartbeats(): void {
    for (; this.answered < this.heartbeats(); this.answered++) this.receive();
  }
}

class FakeCloseEvent extends Event {
  readonly code: number;
  readonly reason: string;
  constructor(type: string, init: CloseEventInit = {}) {
    super(type);
    this.code = init.code ?? 0;
    this.reason = init.reason ?? '';
  }
}

function liveSocket(updatesAcknowledged = true) {
  const Socket = liveSocketClass(FakeSocket as unknown as typeof WebSocket, updatesAcknowledged);
  const socket = new Socket('ws://test/collab/doc') as unknown as FakeSocket;
  const closes: CloseEvent[] = [];
  socket.onclose = (event) => closes.push(event);
  return { socket, closes };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('CloseEvent', FakeCloseEvent);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('live socket', () => {
  it('SPEC 10.23 a quiet socket sends heartbeats; while they are answered it stays open however long', () => {
    const { socket, closes } = liveSocket();
    socket.open();
    vi.advanceTimersByTime(1500);
    expect(socket.heartbeats()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(socket.heartbeats()).toBe(1);
    for (let second = 0; second < 600; second++) {
      socket.answerHeartbeats();
      vi.advanceTimersByTime(1000);
    }
    expect(socket.heartbeats()).toBeGreaterThan(100);
    expect(closes).toEqual([]);
    expect(socket.readyState).toBe(FakeSocket.OPEN);
  });

  it('SPEC 10.23 an unanswered heartbeat loses the connection: the socket closes and the provider hears a close it reconnects after', () => {
    const { socket, closes } = liveSocket();
    socket.open();
    vi.advanceTimersByTime(2500);
    expect(socket.heartbeats()).toBe(1);
    vi.advanceTimersByTime(3500);
    expect(closes).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(closes).toHaveLength(1);
    expect(closes[0].code).toBe(1006);
    expect(closes[0].code >= 4400 && closes[0].code < 4500).toBe(false);
    expect(socket.readyState).toBe(FakeSocket.CLOSING);
    vi.advanceTimersByTime(60_000);
    expect(closes).toHaveLength(1);
  });

  it('SPEC 10.23 an update without an acknowledgement loses the connection within about four seconds', () => {
    const { socket, closes } = liveSocket();
    socket.open();
    socket.receive();
    socket.send(UPDATE);
    vi.advanceTimersByTime(4000);
    expect(closes).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(closes).toHaveLength(1);
  });

  it('SPEC 10.23 a slow acknowledgement is no loss while heartbeats are answered (SPEC 10.3 holds them back)', () => {
    const { socket, closes } = liveSocket();
    socket.open();
    socket.send(UPDATE);
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(500);
      socket.answerHeartbeats();
    }
    expect(socket.heartbeats()).toBeGreaterThan(3);
    expect(closes).toEqual([]);
  });

  it('SPEC 10.23 on a socket whose updates are not acknowledged, only heartbeats are awaited', () => {
    const { socket, closes } = liveSocket(false);
    socket.open();
    socket.receive();
    socket.send(UPDATE);
    vi.advanceTimersByTime(5000);
    expect(closes).toEqual([]);
  });

  it("SPEC 10.23 the browser's offline event sends a heartbeat at once", () => {
    const { socket, closes } = liveSocket();
    socket.open();
    socket.receive();
    window.dispatchEvent(new Event('offline'));
    expect(socket.heartbeats()).toBe(1);
    vi.advanceTimersByTime(4600);
    expect(closes).toHaveLength(1);
  });

  it('SPEC 10.23 a socket still connecting after eight seconds is given up', () => {
    const { socket, closes } = liveSocket();
    vi.advanceTimersByTime(7900);
    expect(closes).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(closes).toHaveLength(1);
    expect(socket.sent).toEqual([]);
  });

  it('SPEC 10.23 once closed, a socket stops its timer and forgets the offline event', () => {
    const { socket, closes } = liveSocket();
    socket.open();
    socket.close();
    socket.dispatchEvent(new FakeCloseEvent('close', { code: 1000 }));
    window.dispatchEvent(new Event('offline'));
    vi.advanceTimersByTime(60_000);
    expect(socket.sent).toEqual([]);
    expect(closes).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
