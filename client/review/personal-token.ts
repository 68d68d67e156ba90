// The page's own token. A share link's token is shared by everyone who holds the link, so the page
// trades it once for a personal one (same role, article and expiry, its own `sub`, the name baked
// in): the server then tells this person's suggestions and comments apart from the others'. Only
// the review API needs it (the rooms open with the link's token meanwhile). Kept in localStorage
// per article; when the trade fails (offline, say) the link's token serves.
import { call } from '../app/api.js';
import { readClaims } from '../collab/token.js';

interface Kept {
  base: string;
  name: string;
  token: string;
}

const storageKey = (docId: string) => `tandem:session:${docId}`;
const pending = new Map<string, Promise<string>>();

function usable(kept: Kept | null, base: string, name: string): string | null {
  if (!kept || kept.base !== base || kept.name !== name) return null;
  const { exp, doc } = readClaims(kept.token);
  if (!doc || (exp !== null && exp * 1000 < Date.now() + 60_000)) return null;
  return kept.token;
}

function keptToken(docId: string, base: string, name: string): string | null {
  try {
    return usable(JSON.parse(localStorage.getItem(storageKey(docId)) ?? 'null') as Kept | null, base, name);
  } catch {
    return null;
  }
}

async function trade(docId: string, base: string, name: string): Promise<string> {
  try {
    const { token } = await call<{ token: string }>(base, 'POST', `/api/documents/${docId}/session`, { name });
    try {
      localStorage.setItem(storageKey(docId), JSON.stringify({ base, name, token } satisfies Kept));
    } catch {
      // storage may be disabled: the token still serves this page
    }
    return token;
  } catch {
    return base;
  }
}

export function personalToken(docId: string, base: string, name: string): Promise<string> {
  const kept = keptToken(docId, base, name);
  if (kept) return Promise.resolve(kept);
  const key = `${docId}\u0000${base}\u0000${name}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = trade(docId, base, name).finally(() => pending.delete(key));
    pending.set(key, promise);
  }
  return promise;
}
