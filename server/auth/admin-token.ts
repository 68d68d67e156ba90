// The admin token: ADMIN_TOKEN when set, else generated once and kept in DATA_DIR (mode 0600).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSecret } from './tokens.js';

export const adminTokenFile = (dataDir: string) => join(dataDir, 'admin-token');

/** The admin token if there is one, ADMIN_TOKEN or the one kept in DATA_DIR; never writes. */
export function findAdminToken(dataDir: string, configured?: string): string | undefined {
  if (configured) return configured;
  try {
    return readFileSync(adminTokenFile(dataDir), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** The server's admin token: the one there is, or a new one kept in DATA_DIR. */
export function loadAdminToken(dataDir: string, configured?: string): string {
  const found = findAdminToken(dataDir, configured);
  if (found !== undefined) return found;
  mkdirSync(dataDir, { recursive: true });
  const token = newSecret();
  writeFileSync(adminTokenFile(dataDir), token + '\n', { mode: 0o600, flag: 'wx' });
  return token;
}
