// What runs inside the measured pages (installed as an init script, so it sees the first frame and
// every key). Desk and bare pages share the DOM shape it relies on: `.editor-root` whose children
// are the segments' <section>s. Times are performance.now() of the page unless called epoch.

export interface KeySample {
  /** The keydown's own timestamp: when the browser received the key. */
  t0: number;
  /** The keydown listener started (t0 → here: the key waited for the main thread). */
  handled: number;
  /** Lexical's last update (and its listeners: Yjs sync, plugins) before the frame finished. */
  processed: number;
  /** The next animation frame began. */
  frame: number;
  /** That frame was rendered (a task posted from its rAF callback ran). */
  t1: number;
}

export interface ProbeOptions {
  /** Record when the article is painted and editable: its segment count and the last one's tail. */
  paint?: { segments: number; lastTail: string };
}

export interface Probe {
  keys: KeySample[];
  /** Epoch time (timeOrigin + timeStamp) of the last printable keydown. */
  lastKeyEpoch: number;
  /** performance.now() at the first frame showing the whole article in an editable root. */
  paintedAt: number | null;
  /** Resolves true once `count` key samples exist, false after `timeoutMs`. */
  waitKeys(count: number, timeoutMs: number): Promise<boolean>;
  /** Starts watching segment `index` for `marker`; `watched` settles with the epoch times. */
  watch(index: number, marker: string, timeoutMs: number): void;
  watched: Promise<{ detected: number; painted: number } | null> | null;
  /** Mean of (timeOrigin + now) − Date.now(): this page's clock against the system's. */
  clockOffset(): Promise<number>;
  /**
   * Scrolls segment `index` to the middle of the screen and keeps it there until it has stayed put
   * for half a second: what loads after the article (the desk's source rows) and rows laid out for
   * the first time around it (content-visibility) can move it after one scroll.
   */
  center(index: number): Promise<void>;
  /** Puts the caret after a space near the middle of segment `index`, centered on screen. */
  placeCaret(index: number): Promise<number>;
  segmentText(index: number): string;
}

declare global {
  interface Window {
    __bench: Probe;
  }
}

/** Init script: defines window.__bench. Self-contained (it is serialized into the page). */
export function installProbe(options: ProbeOptions): void {
  /** Called in a requestAnimationFrame callback: `done` runs once that frame is rendered. */
  const afterThisFrame = (done: (frame: number) => void) => {
    const frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(frame);
    channel.port2.postMessage(null);
  };
  const afterPaint = (done: (frame: number) => void) => requestAnimationFrame(() => afterThisFrame(done));
  const root = () => document.querySelector('.editor-root') as HTMLElement | null;
  const segment = (index: number) => root()?.children[index] as HTMLElement | undefined;
  let waiters: Array<() => void> = [];
  let pending: { t0: number; handled: number; processed: number | null; framed: boolean } | null = null;
  let listening = false;

  const probe: Probe = {
    keys: [],
    lastKeyEpoch: 0,
    paintedAt: null,
    waitKeys(count, timeoutMs) {
      if (probe.keys.length >= count) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        const check = () => {
          if (probe.keys.length < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve(true);
        };
        waiters.push(check);
      });
    },
    watch(index, marker, timeoutMs) {
      const target = root();
      if (!target) throw new Error('no editor root');
      probe.watched = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!segment(index)?.textContent?.includes(marker)) return;
          const detected = performance.timeOrigin + performance.now();
          observer.disconnect();
          clearTimeout(timer);
          afterPaint(() => resolve({ detected, painted: performance.timeOrigin + performance.now() }));
        });
        const timer = setTimeout(() => (observer.disconnect(), resolve(null)), timeoutMs);
        observer.observe(target, { subtree: true, childList: true, characterData: true });
      });
    },
    watched: null,
    async clockOffset() {
      let sum = 0;
      const n = 60;
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
        sum += performance.timeOrigin + performance.now() - Date.now();
      }
      return sum / n;
    },
    async center(index) {
      const section = segment(index);
      if (!section) throw new Error(`no segment ${index}`);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const began = performance.now();
      let stillSince = performance.now();
      while (performance.now() - began < 10_000) {
        const box = section.getBoundingClientRect();
        if (Math.abs(box.top + box.height / 2 - innerHeight / 2) >= 2) {
          section.scrollIntoView({ block: 'center' });
          stillSince = performance.now();
        } else if (performance.now() - stillSince > 500) return;
        await frame();
      }
    },
    async placeCaret(index) {
      const editor = root();
      const section = segment(index);
      if (!editor || !section) throw new Error(`no segment ${index}`);
      const lexical = (editor as HTMLElement & { __lexicalEditor?: { registerUpdateListener(f: () => void): () => void } }).__lexicalEditor;
      if (lexical && !listening) {
        listening = true;
        lexical.registerUpdateListener(() => {
          if (pending?.framed) pending.processed = performance.now();
        });
      }
      editor.focus({ preventScroll: true });
      await probe.center(index);
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
      const whole = texts.map((t) => t.data).join('');
      const at = whole.indexOf(' ', Math.floor(whole.length / 2)) + 1;
      let offset = at;
      for (const text of texts) {
        if (offset <= text.length) {
          document.getSelection()!.collapse(text, offset);
          return whole.length;
        }
        offset -= text.length;
      }
      throw new Error(`segment ${index} has no text`);
    },
    segmentText: (index) => segment(index)?.textContent ?? '',
  };
  window.__bench = probe;

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key.length !== 1) return;
      const now = performance.now();
      pending = { t0: Math.min(event.timeStamp, now), handled: now, processed: null, framed: false };
      probe.lastKeyEpoch = performance.timeOrigin + pending.t0;
    },
    true,
  );
  // beforeinput runs in the task that inserts the text (Lexical stops the input event itself), so
  // the next frame after it is the first that can show the character.
  window.addEventListener('beforeinput', () => {
    const key = pending;
    if (!key || key.framed) return;
    key.framed = true;
    afterPaint((frame) => {
      if (pending === key) pending = null;
      probe.keys.push({ t0: key.t0, handled: key.handled, processed: key.processed ?? frame, frame, t1: performance.now() });
      for (const waiter of [...waiters]) waiter();
    });
  });
  if (options.paint) {
    const { segments, lastTail } = options.paint;
    const check = () => {
      const editor = root();
      const last = editor?.lastElementChild;
      // Already in a frame's callback: that frame shows the article (waiting for the next one
      // would add whatever work the page does after its first paint).
      if (editor?.isContentEditable && editor.childElementCount >= segments && last?.textContent?.includes(lastTail)) {
        afterThisFrame(() => (probe.paintedAt = performance.now()));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
}
