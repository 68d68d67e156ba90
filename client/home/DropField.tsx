// A text area that also takes a dropped or chosen .txt / .md file.
import { useId, useRef, useState } from 'react';

export interface Dropped {
  text: string;
  fileName: string | null;
}

const ACCEPT = '.txt,.md,.markdown,text/plain,text/markdown';

export function DropField({ label, hint, value, lang, onChange }: { label: string; hint: string; value: string; lang?: string; onChange: (dropped: Dropped) => void }) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState('');

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.(txt|md|markdown)$/i.test(file.name) && !file.type.startsWith('text/')) {
      setError(`${file.name} is not a .txt or .md file.`);
      return;
    }
    setError('');
    setFileName(file.name);
    onChange({ text: await file.text(), fileName: file.name });
  };

  return (
    <div className={over ? 'drop-field over' : 'drop-field'}>
      <div className="drop-head">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="link-button" onClick={() => picker.current?.click()}>
          Choose file…
        </button>
        <input ref={picker} type="file" accept={ACCEPT} hidden onChange={(e) => void take(e.target.files?.[0])} />
      </div>
      <textarea
        id={id}
        className="text-area"
        lang={lang}
        value={value}
        placeholder={hint}
        spellCheck={false}
        onChange={(e) => {
          setFileName(null);
          onChange({ text: e.target.value, fileName: null });
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take(e.dataTransfer.files[0]);
        }}
      />
      <div className="drop-foot">
        {error ? <span className="form-error">{error}</span> : <span className="muted">{fileName ? `From ${fileName}` : 'Paste text or drop a .txt / .md file'}</span>}
      </div>
    </div>
  );
}
