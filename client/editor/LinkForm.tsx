// The little form that sets a link on the selected text (Ctrl+K or the toolbar's link button).
import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $setSelection, type RangeSelection } from 'lexical';
import { isSafeUrl, normalizeUrl } from './links.js';

export interface LinkTarget {
  selection: RangeSelection;
  url: string;
}

export function LinkForm({ target, onDone }: { target: LinkTarget; onDone: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [url, setUrl] = useState(target.url);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const finish = (apply: string | null | undefined) => {
    editor.update(() => {
      $setSelection(target.selection.clone());
      if (apply !== undefined) editor.dispatchCommand(TOGGLE_LINK_COMMAND, apply);
    });
    onDone();
    editor.focus();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const href = normalizeUrl(url);
    if (!href) return finish(null);
    if (!isSafeUrl(href)) return setError('Use a web (https://…) or mail address.');
    finish(href);
  };

  return (
    <form className="link-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), finish(undefined))}>
      <label className="visually-hidden" htmlFor="link-url">
        Link address
      </label>
      <input
        id="link-url"
        ref={input}
        value={url}
        placeholder="Paste or type a link"
        onChange={(e) => (setUrl(e.target.value), setError(''))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-error' : undefined}
      />
      <button type="submit" className="button small primary">
        Apply
      </button>
      {target.url && (
        <button type="button" className="button small" onClick={() => finish(null)}>
          Remove
        </button>
      )}
      {error && (
        <span id="link-error" className="link-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
