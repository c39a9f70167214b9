import { useId } from 'react';

/** A labelled multi-line text field. */
export function TextArea({
  label,
  value,
  onChange,
  required,
  rows = 4,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={rows} required={required} onChange={(e) => onChange(e.target.value)} />
      {hint ? <small className="muted">{hint}</small> : null}
    </div>
  );
}

/** A labelled one-line field. */
export function TextInput({
  label,
  value,
  onChange,
  inputMode,
  hint,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'decimal' | 'text';
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <small className="muted">{hint}</small> : null}
    </div>
  );
}

/** A labelled choice among values, each worded by `word`. */
export function Choice({
  label,
  value,
  options,
  word,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  word: (option: string) => string;
  onChange: (value: string) => void;
}) {
  const name = useId();
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option} className="choice-option">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {word(option)}
        </label>
      ))}
    </fieldset>
  );
}
