// Runs the QA checks off the main thread: a request in ({id, input}), the issues out ({id, issues}).
// One checker for the worker's life: it checks again only the segments that changed.
import { QaChecker, type QaInput } from '../../shared/qa/index.js';

const checker = new QaChecker();

self.onmessage = (event: MessageEvent<{ id: number; input: QaInput }>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, issues: checker.run(input) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
