// How every command but serve and check reaches Tandem: the HTTP API of a running server, with the
// admin token, so they never open the data directory behind the server's back (SPEC 9.3).
import { adminTokenFile, findAdminToken } from '../auth/admin-token.js';
import { readConfig, type ConfigFlags } from '../config.js';
import { CliError, EXIT } from './errors.js';

/** Their help's last lines: the flags that find the server and its admin token. */
export const CLIENT_FLAGS_HELP = `Finding the server:
  --server URL         the running server (TANDEM_SERVER; default http://HOST:PORT)
  --host H, --port N   HOST and PORT for that default (127.0.0.1, 8080)
  --admin-token T      the admin token (ADMIN_TOKEN; default: the one in DATA_DIR/admin-token)
  --data-dir DIR       the server's data directory, holding admin-token (DATA_DIR; ./data)`;

/** The admin token, if there is one; a token file it cannot read is named (exit 2). */
function adminToken(dataDir: string, configured: string | undefined): string | undefined {
  try {
    return findAdminToken(dataDir, configured);
  } catch (error) {
    throw new CliError(`cannot read ${adminTokenFile(dataDir)}: ${(error as Error).message}`);
  }
}

/**
 * The server's answer to an admin request; an error answer, or none, is a CliError (exit 1). The
 * body goes as JSON, or as it is when its content type is given (a TMX file).
 */
export async function callServer(flags: ConfigFlags, method: string, path: string, body?: unknown, contentType?: string): Promise<Response> {
  const config = readConfig(process.env, flags);
  const base = config.TANDEM_SERVER ?? `http://${config.HOST}:${config.PORT}`;
  // Only the server makes an admin token: one made here would not be the server's (a 401).
  const token = adminToken(config.DATA_DIR, config.ADMIN_TOKEN);
  if (!token) {
    throw new CliError(
      `no admin token: set ADMIN_TOKEN (or --admin-token), or point DATA_DIR (or --data-dir) at the server's data directory, which keeps it in admin-token (there is no ${adminTokenFile(config.DATA_DIR)})`,
    );
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': contentType ?? 'application/json' } : {}) },
      body: body ? (contentType ? (body as BodyInit) : JSON.stringify(body)) : undefined,
    });
  } catch {
    throw new CliError(`no Tandem server answers at ${base} (start one with: tandem serve)`, EXIT.failed);
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new CliError(`${response.status}: ${error?.error?.message ?? response.statusText}`, EXIT.failed);
  }
  return response;
}

export const documentPath = (id: string, rest = '') => `/api/documents/${encodeURIComponent(id)}${rest}`;
