// Runs the QA checks off the main thread: a request in ({id, input}), the issues out ({id, issues}).
import { runQa, type QaInput } from '../../shared/qa/index.js';

self.onmessage = (event: MessageEvent<{ id: number; input: QaInput }>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, issues: runQa(input) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
