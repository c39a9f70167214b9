import { useState } from 'react';
import { apiPost } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import type { ActionRenderer } from './ActionButtons.js';
import { ActionForm } from './ActionForm.js';
import { StarInput } from './Stars.js';
import { Choice, TextArea } from './TextField.js';

type Party = 'buyer' | 'seller';
interface LineRef {
  readonly order: string;
  readonly line: string;
}
interface FormProps extends LineRef {
  readonly by: Party;
  readonly close: () => void;
  readonly onDone: () => void;
}
const base = '/v1/orders/{order}/lines/{line}/reviews' as const;
const RATINGS = ['good', 'neutral', 'bad'] as const;
type Rating = (typeof RATINGS)[number];
type Dsr = { description: number | null; service: number | null; logistics: number | null };

/** Rate a line; a buyer also gives the three shop ratings (DSR) with it. */
function RateForm({ order, line, by, close, onDone }: FormProps) {
  const { t, code } = useI18n();
  const [rating, setRating] = useState<Rating | ''>('');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [dsr, setDsr] = useState<Dsr>({ description: null, service: null, logistics: null });
  // The shop ratings go with the review when all three are given; a half-given set sends nothing yet.
  const given = [dsr.description, dsr.service, dsr.logistics].filter((v) => v !== null).length;
  const body =
    rating === '' || (given > 0 && given < 3)
      ? null
      : {
          by,
          rating,
          ...(text.trim() ? { text } : {}),
          ...(by === 'buyer' ? { anonymous } : {}),
          ...(given === 3 ? { dsr: dsr as { description: number; service: number; logistics: number } } : {}),
        };
  return (
    <ActionForm
      body={body}
      send={(b, key) => apiPost(base, { order, line }, b, key)}
      submitLabel={t('review.submit')}
      onDone={onDone}
      onCancel={close}
    >
      <Choice
        label={t('review.rating')}
        value={rating}
        options={RATINGS}
        word={(r) => code('rating', r)}
        onChange={(r) => setRating(r as Rating)}
      />
      {by === 'buyer' ? (
        <div className="dsr-inputs">
          {(['description', 'service', 'logistics'] as const).map((d) => (
            <StarInput
              key={d}
              label={code('dsr', d)}
              value={dsr[d]}
              onChange={(v) => setDsr((old) => ({ ...old, [d]: v }))}
            />
          ))}
        </div>
      ) : null}
      <TextArea label={t('review.text')} value={text} onChange={setText} />
      {by === 'buyer' ? (
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('review.anonymous')}
        </label>
      ) : null}
    </ActionForm>
  );
}

/** An action whose body is one text the person writes. */
export function TextForm({
  label,
  send,
  close,
  onDone,
}: {
  label: string;
  send: (text: string, key: string) => Promise<unknown>;
  close: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <ActionForm
      body={text.trim() ? text : null}
      send={send}
      submitLabel={t('common.submit')}
      onDone={onDone}
      onCancel={close}
    >
      <TextArea label={label} value={text} onChange={setText} required />
    </ActionForm>
  );
}

/** The forms of every review action of one line, for the party `by` (the caller's side of the order). */
export function reviewForms(
  ref: LineRef,
  by: Party,
  onDone: () => void,
  t: ReturnType<typeof useI18n>['t'],
): Record<string, ActionRenderer> {
  const { order, line } = ref;
  const done = (close: (done?: boolean) => void) => () => {
    close(true);
    onDone();
  };
  return {
    rate: (_a, close) => <RateForm order={order} line={line} by={by} close={close} onDone={done(close)} />,
    modify: (_a, close) => (
      <ConfirmForm
        text="review.modifyConfirm"
        submit="review.modifySubmit"
        send={(key) => apiPost(`${base}/modify`, ref, { by, rating: 'good' }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    delete: (_a, close) => (
      <ConfirmForm
        text="review.deleteConfirm"
        submit="review.deleteSubmit"
        danger
        send={(key) => apiPost(`${base}/delete`, ref, { by }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    followup: (_a, close) => (
      <TextForm
        label={t('review.followupText')}
        send={(text, key) => apiPost(`${base}/followup`, ref, { text }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    explain: (_a, close) => (
      <TextForm
        label={t('review.explainText')}
        send={(text, key) => apiPost(`${base}/explain`, ref, { on: 'review', by, text }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    explain_followup: (_a, close) => (
      <TextForm
        label={t('review.explainFollowupText')}
        send={(text, key) => apiPost(`${base}/explain`, ref, { on: 'followup', by, text }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    complain: (_a, close) => (
      <TextForm
        label={t('review.complainReason')}
        send={(reason, key) => apiPost(`${base}/complain`, ref, { by, reason }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
  };
}

/** An action with no fields: a sentence saying what it does, and the button that does it. */
export function ConfirmForm({
  text,
  submit,
  send,
  close,
  onDone,
  danger,
}: {
  text: Parameters<ReturnType<typeof useI18n>['t']>[0];
  submit: Parameters<ReturnType<typeof useI18n>['t']>[0];
  send: (key: string) => Promise<unknown>;
  close: () => void;
  onDone: () => void;
  danger?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ActionForm
      body={{}}
      send={(_b, key) => send(key)}
      submitLabel={t(submit)}
      onDone={onDone}
      onCancel={close}
      danger={danger}
    >
      <p>{t(text)}</p>
    </ActionForm>
  );
}
