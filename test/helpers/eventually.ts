// Polls until an assertion passes (or the time is up, then throws its last error). Never sleeps blindly.
export async function eventually<T>(check: () => T | Promise<T>, { timeout = 5000, interval = 10 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
