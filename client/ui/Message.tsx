// A full-page message: not found, bad link, no access.
import type { ReactNode } from 'react';

export function Message({ title, body, action }: { title: string; body: ReactNode; action?: ReactNode }) {
  return (
    <main className="message-page">
      <div className="message-card" role="alert">
        <div className="brand-mark" aria-hidden="true">T</div>
        <h1>{title}</h1>
        <p>{body}</p>
        {action}
      </div>
    </main>
  );
}
