import { useId } from 'react';
import { useI18n } from '../i18n/i18n.js';

const STARS = [1, 2, 3, 4, 5] as const;

function Star({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false" className="star">
      <path
        d="m10 1.8 2.5 5.3 5.8.7-4.3 4 1.1 5.7L10 14.7l-5.1 2.8L6 11.8l-4.3-4 5.8-.7Z"
        fill={filled ? '#ff9f1a' : 'none'}
        stroke="#ff9f1a"
        strokeWidth="1.2"
      />
    </svg>
  );
}

/** A shop rating (1–5) shown as stars, with its number. */
export function StarScore({ value, label }: { value: number | null; label: string }) {
  const { t } = useI18n();
  if (value === null) return <span className="muted">{t('common.none')}</span>;
  const rounded = Math.round(value);
  return (
    <span className="star-score" role="img" aria-label={`${label} ${value}`}>
      {STARS.map((n) => (
        <Star key={n} filled={n <= rounded} />
      ))}
      <span className="star-number" aria-hidden="true">
        {value}
      </span>
    </span>
  );
}

/** Choosing 1–5 stars: a radio group, so arrows and Tab work as for any radio group. */
export function StarInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="star-input">
      <legend>{label}</legend>
      {STARS.map((n) => (
        <label key={n} className="star-choice">
          <input
            type="radio"
            name={name}
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            aria-label={t('stars.n', { n })}
          />
          <Star filled={value !== null && n <= value} />
        </label>
      ))}
    </fieldset>
  );
}
