// The admin token: ADMIN_TOKEN when set, else generated once and kept in DATA_DIR (mode 0600).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSecret } from './tokens.js';

export function loadAdminToken(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'admin-token');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const token = newSecret();
  writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
  return token;
}
