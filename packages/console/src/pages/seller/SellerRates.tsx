import { useState } from 'react';
import { apiGet } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { ButtonGroup } from '../../components/ButtonGroup.js';
import { LineChart } from '../../components/LineChart.js';
import { PageStatus } from '../../components/PageStatus.js';
import { useI18n } from '../../i18n/i18n.js';
import { SellerTabs } from './SellerTabs.js';

const SPANS = ['30', '90', '180'] as const;

/** Refund and dispute rates (J2, 30 days ending each day) over time, drawn as lines. */
export function SellerRates({ seller }: { seller: string }) {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof SPANS)[number]>('90');
  const now = useResource(() => apiGet('/v1/sellers/{seller}/metrics', { seller }), [seller]);
  const history = useResource(
    () => apiGet('/v1/sellers/{seller}/metrics/history', { seller }, { days }),
    [seller, days],
  );
  const points = history.data?.points ?? [];
  const m = now.data;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : `${v}%`);
  return (
    <>
      <h1>{t('seller.title')}</h1>
      <SellerTabs />
      <section className="card">
        <h2>{t('rates.now')}</h2>
        {m ? (
          <dl className="facts">
            <div>
              <dt>{t('rates.refundRate')}</dt>
              <dd className="big-number">{pct(m.refundRate30d)}</dd>
            </div>
            <div>
              <dt>{t('rates.disputeRate')}</dt>
              <dd className="big-number">{pct(m.disputeRate30d)}</dd>
            </div>
            <div>
              <dt>{t('rates.counts')}</dt>
              <dd>{t('rates.countsValue', { trades: m.trades30d, refunds: m.refunds30d, disputes: m.disputes30d })}</dd>
            </div>
          </dl>
        ) : (
          <PageStatus loading={now.loading} error={now.error} />
        )}
      </section>
      <section className="card">
        <h2>{t('rates.history')}</h2>
        <ButtonGroup className="filters" label={t('rates.span')}>
          {SPANS.map((d) => (
            <button key={d} type="button" aria-pressed={days === d} onClick={() => setDays(d)}>
              {t('rates.days', { n: d })}
            </button>
          ))}
        </ButtonGroup>
        {history.data ? (
          <LineChart
            title={t('rates.chartTitle', { n: days })}
            tableCaption={t('rates.table')}
            labels={points.map((p) => p.date)}
            series={[
              { name: t('rates.refundRate'), className: 'series-refund', values: points.map((p) => p.refundRate30d) },
              {
                name: t('rates.disputeRate'),
                className: 'series-dispute',
                values: points.map((p) => p.disputeRate30d),
              },
            ]}
          />
        ) : (
          <PageStatus loading={history.loading} error={history.error} />
        )}
      </section>
    </>
  );
}
