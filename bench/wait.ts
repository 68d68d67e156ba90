// Bounded waiting: every wait in the bench has a deadline, so a stuck run fails instead of hanging.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Settles like `promise`, or rejects with "`what` timed out" after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Collects the bench process's own garbage (when run with --expose-gc), then idles `ms`, so one
 * measurement's leftovers are not collected in the middle of the next.
 */
export async function settle(ms: number): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(ms);
}
