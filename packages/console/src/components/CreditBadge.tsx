import { useI18n } from '../i18n/i18n.js';

/**
 * The credit level drawn as Taobao draws it: `icons` (1–5) icons of the `tier` the API gives
 * (hearts, diamonds, crowns, gold crowns); the level itself is never recomputed here.
 */
export function CreditBadge({ tier, icons, level }: { tier: string; icons: number; level: number }) {
  const { t, code } = useI18n();
  const label =
    tier === 'none' || icons === 0 ? t('badge.none') : t('badge.label', { n: icons, tier: code('tier', tier) });
  return (
    <span className={`credit-badge tier-${tier}`} role="img" aria-label={label} title={t('badge.level', { level })}>
      {tier === 'none' || icons === 0 ? (
        <span className="badge-none">{t('badge.none')}</span>
      ) : (
        // The icons are identical and never reorder: their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        Array.from({ length: icons }, (_, i) => <TierIcon key={i} tier={tier} />)
      )}
    </span>
  );
}

/** One icon of a tier, 20×20. */
export function TierIcon({ tier }: { tier: string }) {
  return (
    <svg className="tier-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {tier === 'heart' ? (
        <path
          d="M10 17.5 2.9 10.6A4.3 4.3 0 0 1 10 4.9a4.3 4.3 0 0 1 7.1 5.7Z"
          fill="#e4393c"
          stroke="#b71c1c"
          strokeWidth="0.8"
        />
      ) : tier === 'diamond' ? (
        <g stroke="#1565c0" strokeWidth="0.8" strokeLinejoin="round">
          <path d="M5 3h10l3.5 4.5L10 18 1.5 7.5Z" fill="#42a5f5" />
          <path d="M1.5 7.5h17M7 3 5.5 7.5 10 18l4.5-10.5L13 3" fill="none" />
        </g>
      ) : (
        <g
          stroke={tier === 'gold_crown' ? '#a86b00' : '#1e4e8c'}
          strokeWidth="0.8"
          strokeLinejoin="round"
          fill={tier === 'gold_crown' ? '#f7b500' : '#3f7fd0'}
        >
          <path d="M2 6.5 6 10l4-6 4 6 4-3.5-1.6 9H3.6Z" />
          <rect x="3.6" y="15.5" width="12.8" height="2" rx="0.6" />
          <circle cx="10" cy="3.6" r="1.2" />
        </g>
      )}
    </svg>
  );
}
