// A Tandem server in a child process, from its sources, for what only a real process shows: kill -9
// and SIGTERM.
import { spawnTandem, type TandemProcess } from '../../scripts/spawn-tandem.js';
import { ADMIN_TOKEN } from './server.js';

export type ChildServer = TandemProcess;

export function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return spawnTandem({ from: 'source', dataDir, adminToken: ADMIN_TOKEN, env });
}

export async function createDocumentAt(url: string): Promise<{ id: string; tokens: Record<string, string> }> {
  const response = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'শিরোনাম\n\nপ্রথম অনুচ্ছেদ।' }),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
  return response.json() as Promise<{ id: string; tokens: Record<string, string> }>;
}
