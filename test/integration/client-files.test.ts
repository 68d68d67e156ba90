// The browser client as the server hands it out (SPEC 8.7). Needs the built client (npm run build).
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR } from '../../server/paths.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

/** GET with the given headers, the body as it came on the wire (fetch would decompress it). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(server.url + path, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}
beforeAll(async () => {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('The browser client is not built: npm run build:client');
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('client files', () => {
  it('SPEC 8.7 the page is revalidated each time and answers 304 while unchanged', async () => {
    const page = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
    for (const path of ['/', '/d/some-article?token=x']) {
      const response = await fetch(server.url + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(page);
      const again = await fetch(server.url + path, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('SPEC 8.7 assets are served as built and cached for good; an unknown one is a JSON 404', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8'))![1];
    const response = await fetch(server.url + script);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(CLIENT_DIR, script)))).toBe(true);

    const missing = await fetch(`${server.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const outside = await fetch(`${server.url}/assets/..%2f..%2fpackage.json`);
    expect(outside.status).toBe(404);
  });

  it('SPEC 8.7 text files go gzipped to a browser that accepts gzip and as built to one that does not, each with an ETag of its own; fonts as built', async () => {
    const page = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(page)![1];
    for (const path of [script, style, '/']) {
      const built = readFileSync(join(CLIENT_DIR, path === '/' ? 'index.html' : path));
      const gzipped = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toBe('Accept-Encoding');
      expect(gunzipSync(gzipped.body).equals(built)).toBe(true);
      if (path !== '/') expect(gzipped.body.length).toBeLessThan(built.length / 2);
      for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br' }, { 'accept-encoding': 'gzip;q=0, *' }] as Array<Record<string, string>>) {
        const plain = await raw(path, headers);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers.vary).toBe('Accept-Encoding');
        expect(plain.body.equals(built)).toBe(true);
        expect(plain.headers.etag).not.toBe(gzipped.headers.etag);
      }
      // Revalidation answers 304 for the representation the browser holds.
      const again = await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': String(gzipped.headers.etag) });
      expect(again.status).toBe(304);
    }
    const font = /href="(\/assets\/[^"]+\.woff2)"/.exec(page)![1];
    const fontAnswer = await raw(font, { 'accept-encoding': 'gzip' });
    expect(fontAnswer.headers['content-encoding']).toBeUndefined();
    expect(fontAnswer.body.equals(readFileSync(join(CLIENT_DIR, font)))).toBe(true);
  });

  it('SPEC 8.7 a source map, read on its first request, is served as built and answers 304 while unchanged', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8'))![1];
    const map = `${script}.map`;
    for (let i = 0; i < 2; i++) {
      const response = await fetch(server.url + map);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(CLIENT_DIR, map)))).toBe(true);
      const again = await fetch(server.url + map, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
  });

  it('SPEC 8.9 the page runs only its own files: its policy allows no inline script or style, and the built page has none', async () => {
    const page = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
    // Nothing inline: every script has a src, no style element, no style or on… attribute.
    expect(page.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(page).not.toMatch(/<style[\s>]|\sstyle=|\son[a-z]+=/i);
    // Everything it loads is its own.
    for (const [, url] of page.matchAll(/\s(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\/assets\//);

    const response = await fetch(`${server.url}/d/some-article?token=x`);
    const policy = response.headers.get('content-security-policy')!;
    const host = new URL(server.url).host;
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", `connect-src 'self' ws://${host} wss://${host}`, "frame-ancestors 'none'"]),
    );
    expect(policy).not.toContain('unsafe');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(policy);
  });
});
