// A zone to drop a file on, or to choose one from: hands the file to `onFile` when its name ends in
// one of `extensions`, else says which files it takes.
import { useRef, useState } from 'react';

interface Props {
  /** ".tmx", ".xlf": what the zone takes, by file name. */
  extensions: string[];
  /** What to drop, as the zone says it ("a TMX or XLIFF file"). */
  what: string;
  busy: boolean;
  onFile: (file: File) => void;
  onRefused: (problem: string) => void;
}

export function FileDrop({ extensions, what, busy, onFile, onRefused }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined) => {
    if (picker.current) picker.current.value = '';
    if (!file || busy) return;
    if (extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) onFile(file);
    else onRefused(`${file.name} is not ${what} (${extensions.join(', ')}).`);
  };
  return (
    <div
      className={over ? 'file-drop over' : 'file-drop'}
      data-testid="file-drop"
      aria-busy={busy}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files[0]);
      }}
    >
      <span>{busy ? 'Importing…' : `Drop ${what} here, or`}</span>
      <button type="button" className="button small" disabled={busy} onClick={() => picker.current?.click()}>
        Choose file…
      </button>
      <input ref={picker} type="file" accept={extensions.join(',')} hidden aria-label={`Choose ${what}`} onChange={(e) => take(e.target.files?.[0])} />
    </div>
  );
}
