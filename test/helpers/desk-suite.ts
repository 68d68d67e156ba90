// One Tandem server and one headless Chromium for a test file's browser tests: started before them,
// closed after.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './server.js';
import { launchBrowser } from './browser.js';

export interface DeskSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** An article's link for a token, as the share dialog gives it. */
  link(id: string, token: string): string;
}

export function deskSuite(): DeskSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('deskSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    link: (id, token) => `${started(server).url}/d/${id}?token=${encodeURIComponent(token)}`,
  };
}
