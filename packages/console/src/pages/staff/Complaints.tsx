import { useState } from 'react';
import { apiGet, apiPost } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import type { Complaint } from '../../api/views.js';
import { ActionButtons } from '../../components/ActionButtons.js';
import { ActionForm } from '../../components/ActionForm.js';
import { ButtonGroup } from '../../components/ButtonGroup.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { RatingTag } from '../../components/ReviewBody.js';
import { Choice } from '../../components/TextField.js';
import { Instant } from '../../components/TimeLeft.js';
import { useI18n } from '../../i18n/i18n.js';
import { StaffTabs } from './StaffTabs.js';

const STATUSES = ['pending', 'upheld', 'rejected'] as const;

/** Complaints about reviews (F7): fold the review (upheld) or reject the complaint. */
export function Complaints() {
  const { t, code } = useI18n();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending');
  const list = usePages<Complaint>(
    async (cursor) => {
      const page = await apiGet('/v1/complaints', undefined, { status, limit: '20', cursor });
      return { items: page.complaints, nextCursor: page.nextCursor };
    },
    [status],
  );
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <StaffTabs />
      <ButtonGroup className="filters" label={t('complaint.filter')}>
        {STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {code('complaintStatus', s)}
          </button>
        ))}
      </ButtonGroup>
      <ol className="review-list">
        {list.items.map((c) => (
          <li key={`${c.review}-${c.complainedAt}`} className="card" data-review={c.review}>
            <ComplaintItem complaint={c} onChange={list.reload} />
          </li>
        ))}
      </ol>
      <PageStatus loading={list.loading} error={list.error} empty={!list.loading && list.items.length === 0} />
      <MoreButton more={list.more} loading={list.loading} onMore={list.loadMore} />
    </>
  );
}

function ComplaintItem({ complaint: c, onChange }: { complaint: Complaint; onChange: () => void }) {
  const { t, code } = useI18n();
  return (
    <article>
      <header className="review-head">
        <RatingTag rating={c.rating} />
        <span className="muted small">
          {t('order.number', { order: c.order })} · <Instant at={c.givenAt} />
        </span>
        {c.folded ? <span className="pill">{t('review.foldedTag')}</span> : null}
      </header>
      <p className="review-text">{c.text ?? t('review.noText')}</p>
      <div className="said explanation">
        <strong>{t('complaint.reason', { by: code('party', c.by) })}</strong>{' '}
        <span className="muted small">
          <Instant at={c.complainedAt} />
        </span>
        <p className="review-text">{c.reason}</p>
      </div>
      <ActionButtons
        actions={c.actions}
        label={t('order.number', { order: c.order })}
        onExpire={onChange}
        forms={{
          rule_complaint: (_a, close) => (
            <RuleComplaintForm
              order={c.order}
              line={c.line}
              close={close}
              onDone={() => {
                close(true);
                onChange();
              }}
            />
          ),
        }}
      />
    </article>
  );
}

function RuleComplaintForm({
  order,
  line,
  close,
  onDone,
}: {
  order: string;
  line: string;
  close: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState('');
  return (
    <ActionForm
      body={decision ? { upheld: decision === 'fold' } : null}
      send={(b, key) => apiPost('/v1/orders/{order}/lines/{line}/reviews/complaint-ruling', { order, line }, b, key)}
      submitLabel={t('common.submit')}
      onDone={onDone}
      onCancel={close}
    >
      <Choice
        label={t('complaint.decision')}
        value={decision}
        options={['fold', 'reject']}
        word={(d) => (d === 'fold' ? t('complaint.fold') : t('complaint.reject'))}
        onChange={setDecision}
      />
    </ActionForm>
  );
}
