// The display name this browser uses on the desk (asked once, kept in localStorage) and the admin
// token of this tab (kept in sessionStorage, so an article opened from the desk can link back).
const NAME_KEY = 'tandem:name';
const ADMIN_KEY = 'tandem:admin';

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback; // storage may be disabled
  }
}

export function savedName(): string | null {
  return safely(() => localStorage.getItem(NAME_KEY)?.trim() || null, null);
}

export function saveName(name: string): void {
  safely(() => localStorage.setItem(NAME_KEY, name.trim()), undefined);
}

export function adminToken(): string | null {
  return safely(() => sessionStorage.getItem(ADMIN_KEY), null);
}

export function rememberAdminToken(token: string): void {
  safely(() => sessionStorage.setItem(ADMIN_KEY, token), undefined);
}
