// Who the server is acting for while it handles an HTTP action (SPEC 16.9): the content room sees
// such a change with the origin 'server', so the action runs inside `actingAs` and whoever records
// the change asks `actingFor`. AsyncLocalStorage carries it across the action's awaits.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../../shared/schema.js';

export interface ChangeAuthor {
  name: string;
  role: Role;
}

const acting = new AsyncLocalStorage<ChangeAuthor>();

export function actingAs<T>(author: ChangeAuthor, fn: () => T): T {
  return acting.run({ name: author.name, role: author.role }, fn);
}

export function actingFor(): ChangeAuthor | null {
  return acting.getStore() ?? null;
}
