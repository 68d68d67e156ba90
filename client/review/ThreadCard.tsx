// A comment thread in the margin: the commented text, the comments, a reply field (on the card in
// focus), and resolve or reopen for editors and for the thread's author.
import { memo, useEffect, useState } from 'react';
import type { Thread } from '../../shared/review/types.js';
import { useStore } from '../app/store.js';
import type { ReviewDesk } from './desk.js';
import { Byline, IconAction, useBusy } from './CardParts.js';
import { CheckIcon } from '../ui/icons.js';

const isWhole = (t: Thread) => t.quote.prefix === '' && t.quote.suffix === '';

function ReplyField({ desk, thread, focus }: { desk: ReviewDesk; thread: Thread; focus: boolean }) {
  const [text, setText] = useState('');
  const [busy, run] = useBusy();
  const send = () => {
    if (!text.trim()) return;
    run(async () => {
      if (await desk.run(() => desk.api.reply(thread.id, text.trim()))) setText('');
    });
  };
  return (
    <form className="reply-form" onSubmit={(e) => (e.preventDefault(), send())} onClick={(e) => e.stopPropagation()}>
      <input
        className="reply-field"
        value={text}
        placeholder="Reply…"
        aria-label="Reply"
        autoFocus={focus}
        disabled={busy}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (setText(''), (e.target as HTMLInputElement).blur())}
      />
      {text.trim() && (
        <button type="submit" className="button small primary" disabled={busy}>
          Reply
        </button>
      )}
    </form>
  );
}

export const ThreadCard = memo(function ThreadCard({ desk, thread, active }: { desk: ReviewDesk; thread: Thread; active: boolean }) {
  const [busy, run] = useBusy();
  const [replying, setReplying] = useState(false);
  useEffect(() => {
    if (!active) setReplying(false);
  }, [active]);
  const [first, ...replies] = thread.comments;
  const myId = useStore(desk.myId);
  const mayResolve = desk.canDecide || (desk.canSuggest && thread.authorId === myId);
  const { id } = thread;
  return (
    <article
      className={`card thread-card${active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`}
      data-review-id={id}
      data-testid="thread-card"
      data-resolved={thread.resolved}
      onClick={() => desk.active.set(id)}
      aria-label={`Comment by ${thread.author}`}
    >
      <header className="card-head">
        {first && <Byline name={first.author} at={first.at} you={first.authorId === myId} />}
        {mayResolve && !thread.resolved && (
          <span className="card-icons">
            <IconAction label="Resolve" tone="ok" disabled={busy} onClick={() => run(() => desk.run(() => desk.api.resolve(id)))}>
              <CheckIcon />
            </IconAction>
          </span>
        )}
      </header>
      {!isWhole(thread) && <blockquote className="card-quote">{thread.quote.exact}</blockquote>}
      {first && <p className="comment-text">{first.text}</p>}
      {replies.map((reply) => (
        <div className="reply" key={reply.id} data-testid="reply">
          <Byline name={reply.author} at={reply.at} you={reply.authorId === myId} />
          <p className="comment-text">{reply.text}</p>
        </div>
      ))}
      {thread.resolved ? (
        <footer className="card-foot">
          <span className="resolved-note">Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''}</span>
          {mayResolve && (
            <button type="button" className="link-button" disabled={busy} onClick={(e) => (e.stopPropagation(), run(() => desk.run(() => desk.api.reopen(id))))}>
              Reopen
            </button>
          )}
        </footer>
      ) : (
        desk.canSuggest &&
        (active || replying ? (
          <ReplyField desk={desk} thread={thread} focus={replying} />
        ) : (
          <button type="button" className="reply-hint" onClick={(e) => (e.stopPropagation(), setReplying(true), desk.active.set(id))}>
            Reply…
          </button>
        ))
      )}
    </article>
  );
});
