// A read-only link with a copy button that says when it has copied.
import { useRef, useState } from 'react';

async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API unavailable (plain http on another host): select the text and use the old way.
    field?.select();
    return document.execCommand('copy');
  }
}

export function CopyField({ label, hint, value, testId }: { label: string; hint: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const id = `copy-${label.toLowerCase()}`;
  const field = useRef<HTMLInputElement>(null);
  return (
    <div className="copy-field" data-testid={testId}>
      <div className="copy-label">
        <label htmlFor={id}>{label}</label>
        <span className="muted">{hint}</span>
      </div>
      <div className="copy-row">
        <input id={id} ref={field} className="text-input mono" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className={copied ? 'button copied' : 'button'}
          aria-label={`Copy ${label.toLowerCase()} link`}
          onClick={async () => {
            if (await copy(value, field.current)) {
              setCopied(true);
              setTimeout(() => setCopied(false), 1600);
            }
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
