// A language tag field with the usual newsroom languages suggested.
import { useId } from 'react';
import { COMMON_LANGUAGES, languageName } from '../app/languages.js';

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
        {Object.entries(COMMON_LANGUAGES).map(([tag, name]) => (
          <option key={tag} value={tag}>
            {name}
          </option>
        ))}
      </datalist>
      <small className="muted">{languageName(value.trim()) || ' '}</small>
    </label>
  );
}
