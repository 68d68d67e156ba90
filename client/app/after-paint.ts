// After the next frame is on screen: a requestAnimationFrame callback runs just before the frame is
// rendered, and a task it posts runs once it is. A hidden tab renders no frames, so a timer stands in.
export function afterNextPaint(run: () => void, hiddenTabMs = 250): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, hiddenTabMs);
}
