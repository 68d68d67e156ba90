// A language tag field with the usual newsroom languages suggested.
import { useId } from 'react';
import { languageName } from '../app/identity.js';

const COMMON = ['en', 'bn', 'hi', 'ur', 'ar', 'fr', 'es', 'de', 'pt', 'ru', 'zh', 'ja', 'ta', 'ne'];

export function LanguageField({ label, value, onChange, required = true }: { label: string; value: string; onChange: (tag: string) => void; required?: boolean }) {
  const list = useId();
  return (
    <label className="field lang-field">
      <span>{label}</span>
      <input
        className="text-input"
        list={list}
        value={value}
        required={required}
        placeholder={required ? undefined : 'From file'}
        pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"
        title="A language tag such as en or bn-BD"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={list}>
        {COMMON.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </datalist>
      <small className="muted">{languageName(value.trim()) || ' '}</small>
    </label>
  );
}
