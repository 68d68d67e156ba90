// Brings a segment's row to the middle of the screen and keeps it there. Rows far from the screen
// have never been laid out (content-visibility): the page knows only a guess of their heights, and
// as a smooth scroll passes them their real heights move the target, by whole screens in a long
// article. So once the scroll stops, a row that ended up away from the middle is scrolled there
// again, until it stays; anything the reader does meanwhile (wheel, touch, a key) ends it.
const SETTLE_MS = 2000;
const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export function scrollToSegment(section: Element): void {
  section.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const until = performance.now() + SETTLE_MS;
  let lastTop = NaN;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of USER_INPUT) removeEventListener(type, stop, true);
  };
  const check = () => {
    const box = section.getBoundingClientRect();
    const still = box.top === lastTop;
    lastTop = box.top;
    if (still && Math.abs(box.top + box.height / 2 - innerHeight / 2) > innerHeight / 4) section.scrollIntoView({ block: 'center' });
    if (performance.now() < until && section.isConnected) frame = requestAnimationFrame(check);
    else stop();
  };
  for (const type of USER_INPUT) addEventListener(type, stop, { capture: true, passive: true });
  frame = requestAnimationFrame(check);
}
