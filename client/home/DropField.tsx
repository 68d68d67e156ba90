// A text area that also takes a dropped or chosen .txt / .md file; other files it is told to take
// (.xliff, .docx) go to `onFile`, which answers a problem to show, if any.
import { useId, useRef, useState } from 'react';

export interface Dropped {
  text: string;
  fileName: string | null;
}

const TEXT_ACCEPT = '.txt,.md,.markdown,text/plain,text/markdown';

interface Props {
  label: string;
  hint: string;
  value: string;
  lang?: string;
  onChange: (dropped: Dropped) => void;
  /** Extensions (".xlf") handed whole to `onFile`. */
  files?: string[];
  onFile?: (file: File) => Promise<string | null>;
}

export function DropField({ label, hint, value, lang, onChange, files = [], onFile }: Props) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState('');

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (onFile && files.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      setError((await onFile(file)) ?? '');
      return;
    }
    if (!/\.(txt|md|markdown)$/i.test(file.name) && !file.type.startsWith('text/')) {
      setError(`${file.name} is not a ${['.txt', '.md', ...files].join(', ')} file.`);
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
        <input ref={picker} type="file" accept={[TEXT_ACCEPT, ...files].join(',')} hidden onChange={(e) => void take(e.target.files?.[0])} />
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
        {error ? <span className="form-error">{error}</span> : <span className="muted">{fileName ? `From ${fileName}` : `Paste text or drop a ${['.txt', '.md', ...files].join(' / ')} file`}</span>}
      </div>
    </div>
  );
}
