import { useEffect, useRef } from 'react';
import { formatInstant, timeLeft } from '../format/time.js';
import { useI18n } from '../i18n/i18n.js';
import { useNow } from './now.js';

/**
 * A live countdown to `until` (an instant the API gave), e.g. "剩 3 天 4 小时" / "3 d 4 h left";
 * `onOver` runs once when it reaches zero while shown (to ask the server what is allowed now).
 */
export function TimeLeft({ until, onOver }: { until: string | null | undefined; onOver?: () => void }) {
  const { t } = useI18n();
  const now = useNow();
  const over = until ? Date.parse(until) <= now : false;
  const wasOver = useRef(over);
  useEffect(() => {
    if (over && !wasOver.current) onOver?.();
    wasOver.current = over;
  }, [over, onOver]);
  if (!until) return null;
  const left = timeLeft(Date.parse(until), now);
  const text =
    left.unit === 'over'
      ? t('time.over')
      : left.unit === 'days'
        ? t('time.days', { d: left.days, h: left.hours })
        : left.unit === 'hours'
          ? t('time.hours', { h: left.hours, m: left.minutes })
          : t('time.minutes', { m: left.minutes, s: left.seconds });
  return (
    <time
      className={`time-left ${left.unit === 'over' ? 'over' : left.unit === 'days' ? 'later' : 'soon'}`}
      dateTime={until}
      title={formatInstant(until)}
    >
      {text}
    </time>
  );
}

/** An instant shown in Asia/Shanghai, machine-readable too. */
export function Instant({ at }: { at: string | null | undefined }) {
  if (!at) return null;
  return <time dateTime={at}>{formatInstant(at)}</time>;
}
