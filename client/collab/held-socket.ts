// A WebSocket class whose incoming messages wait until released: the content room's socket opens
// while the page renders its first frame (the handshake and the server's loading of the room then
// overlap that work), but the doc must stay empty until the Lexical binding observes it.
export interface HeldSockets {
  Socket: typeof WebSocket;
  /** Delivers what waited, in order, in a task of its own; later messages are delivered at once. */
  release(): void;
}

type Handler = (this: WebSocket, event: MessageEvent) => unknown;

export function heldSocketClass(Base: typeof WebSocket): HeldSockets {
  let waiting: Array<() => void> | null = [];
  let released = false;

  class HeldSocket extends Base {
    private handler: Handler | null = null;

    // y-websocket's provider reads messages through `onmessage`.
    override get onmessage(): Handler | null {
      return this.handler;
    }

    override set onmessage(handler: Handler | null) {
      this.handler = handler;
      super.onmessage = handler && ((event: MessageEvent) => this.deliver(event));
    }

    private deliver(event: MessageEvent): void {
      const run = () => {
        // A socket that closed meanwhile has nothing to answer with; the next one syncs again.
        if (this.readyState === Base.OPEN) this.handler?.call(this, event);
      };
      if (waiting) waiting.push(run);
      else run();
    }
  }

  return {
    Socket: HeldSocket,
    release() {
      if (released) return;
      released = true;
      setTimeout(() => {
        const queue = waiting ?? [];
        waiting = null;
        for (const run of queue) run();
      });
    },
  };
}
