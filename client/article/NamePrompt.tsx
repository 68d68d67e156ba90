// Asks once for the name others see beside this person's cursor.
import { useState } from 'react';

export function NamePrompt({ onName }: { onName: (name: string) => void }) {
  const [name, setName] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim()) onName(name.trim());
  };
  return (
    <div className="modal-backdrop">
      <form className="modal name-prompt" onSubmit={submit} aria-labelledby="name-title">
        <div className="brand-mark" aria-hidden="true">T</div>
        <h1 id="name-title">Join the desk</h1>
        <p>Your colleagues see this name beside your cursor.</p>
        <label className="visually-hidden" htmlFor="display-name">
          Your name
        </label>
        <input
          id="display-name"
          className="text-input"
          placeholder="Your name"
          autoComplete="name"
          maxLength={64}
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={!name.trim()}>
          Continue
        </button>
      </form>
    </div>
  );
}
