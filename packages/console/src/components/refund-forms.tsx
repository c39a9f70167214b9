import { useState } from 'react';
import { apiPost } from '../api/client.js';
import type { Action } from '../api/views.js';
import { parseYuan } from '../format/money.js';
import { type Key, useI18n } from '../i18n/i18n.js';
import type { ActionRenderer } from './ActionButtons.js';
import { ActionForm } from './ActionForm.js';
import { EvidenceForm } from './EvidenceForm.js';
import { MoneyField, yuanText } from './MoneyField.js';
import { ConfirmForm, TextForm } from './review-forms.js';
import { Choice } from './TextField.js';

type Party = 'buyer' | 'seller';
type T = (key: Key, vars?: Record<string, string | number>) => string;
const refundPath = <A extends string>(action: A) => `/v1/refunds/{refund}/${action}` as const;

/** A refund id the console makes for a new request (the API takes the id from the caller). */
export function newRefundId(): string {
  return `R-${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** The buyer's request on a line: kind and reason among those the action lists, and an amount. */
function RequestRefundForm({
  order,
  line,
  action,
  close,
  onDone,
}: {
  order: string;
  line: string;
  action: Action;
  close: () => void;
  onDone: () => void;
}) {
  const { t, code } = useI18n();
  const kinds = action.kinds ?? [];
  const reasons = action.reasons ?? [];
  const [kind, setKind] = useState(kinds.length === 1 ? kinds[0]! : '');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(yuanText(action.maximum));
  const [refund] = useState(newRefundId);
  const fen = parseYuan(amount);
  const body =
    kind && reason && fen !== null
      ? { refund, order, line, kind: kind as 'refund_only', amount: fen, reason: reason as 'other' }
      : null;
  return (
    <ActionForm
      body={body}
      send={(b, key) => apiPost('/v1/refunds', undefined, b, key)}
      submitLabel={t('refund.requestSubmit')}
      onDone={onDone}
      onCancel={close}
    >
      <Choice
        label={t('refund.kind')}
        value={kind}
        options={kinds}
        word={(k) => code('refundKind', k)}
        onChange={setKind}
      />
      <Choice
        label={t('refund.reason')}
        value={reason}
        options={reasons}
        word={(r) => code('refundReason', r)}
        onChange={setReason}
      />
      <MoneyField label={t('refund.amount')} text={amount} onChange={setAmount} maximum={action.maximum} />
    </ActionForm>
  );
}

function AmountForm({
  label,
  initial,
  optional,
  send,
  close,
  onDone,
  t,
}: {
  label: string;
  initial?: number;
  optional?: boolean;
  send: (amount: number | undefined, key: string) => Promise<unknown>;
  close: () => void;
  onDone: () => void;
  t: T;
}) {
  const [text, setText] = useState(yuanText(initial));
  const fen = parseYuan(text);
  const body = optional && text.trim() === '' ? { amount: undefined } : fen === null ? null : { amount: fen };
  return (
    <ActionForm
      body={body}
      send={(b, key) => send(b.amount, key)}
      submitLabel={t('common.submit')}
      onDone={onDone}
      onCancel={close}
    >
      <MoneyField label={label} text={text} onChange={setText} />
    </ActionForm>
  );
}

function ChoiceForm({
  label,
  options,
  word,
  send,
  close,
  onDone,
  t,
}: {
  label: string;
  options: readonly string[];
  word: (o: string) => string;
  send: (choice: string, key: string) => Promise<unknown>;
  close: () => void;
  onDone: () => void;
  t: T;
}) {
  const [choice, setChoice] = useState('');
  return (
    <ActionForm body={choice || null} send={send} submitLabel={t('common.submit')} onDone={onDone} onCancel={close}>
      <Choice label={label} value={choice} options={options} word={word} onChange={setChoice} />
    </ActionForm>
  );
}

/** The staff ruling: who is responsible (I4) and how much is refunded. */
function RulingForm({
  maximum,
  refund,
  close,
  onDone,
}: {
  maximum: number;
  refund: string;
  close: () => void;
  onDone: () => void;
}) {
  const { t, code } = useI18n();
  const [responsible, setResponsible] = useState('');
  const [amount, setAmount] = useState(yuanText(maximum));
  const fen = parseYuan(amount);
  const body = responsible && fen !== null ? { responsible: responsible as 'seller', amount: fen } : null;
  return (
    <ActionForm
      body={body}
      send={(b, key) => apiPost(refundPath('ruling'), { refund }, b, key)}
      submitLabel={t('case.rule')}
      onDone={onDone}
      onCancel={close}
    >
      <Choice
        label={t('case.responsible')}
        value={responsible}
        options={['seller', 'buyer', 'none']}
        word={(r) => code('responsible', r)}
        onChange={setResponsible}
      />
      <MoneyField label={t('case.amount')} text={amount} onChange={setAmount} maximum={maximum} />
    </ActionForm>
  );
}

/** The forms of every action on a refund, for the party `by` (`null`: staff, who are neither party). */
export function refundForms(
  refund: { refund: string; requested: number; maximum: number },
  by: Party | null,
  onDone: () => void,
  t: T,
  code: (prefix: string, value: string) => string,
): Record<string, ActionRenderer> {
  const id = { refund: refund.refund };
  const done = (close: (done?: boolean) => void) => () => {
    close(true);
    onDone();
  };
  const confirm =
    (path: string, text: Key, danger = false): ActionRenderer =>
    (_a, close) => (
      <ConfirmForm
        text={text}
        submit={`action.${path.replace('-', '_')}` as Key}
        danger={danger}
        send={(key) => apiPost(refundPath(path) as '/v1/refunds/{refund}/agree', id, {}, key)}
        close={close}
        onDone={done(close)}
      />
    );
  return {
    agree: confirm('agree', 'refund.agreeConfirm'),
    confirm_return: confirm('confirm-return', 'refund.confirmReturnConfirm'),
    cancel: confirm('cancel', 'refund.cancelConfirm', true),
    escalate: confirm('escalate', 'refund.escalateConfirm'),
    refuse: (_a, close) => (
      <TextForm
        label={t('refund.refuseReason')}
        send={(reason, key) => apiPost(refundPath('refuse'), id, { reason }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    resubmit: (_a, close) => (
      <AmountForm
        label={t('refund.amount')}
        initial={refund.requested}
        optional
        t={t}
        send={(amount, key) => apiPost(refundPath('resubmit'), id, amount === undefined ? {} : { amount }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    ship_return: (_a, close) => (
      <ChoiceForm
        label={t('refund.returnMethod')}
        options={['express', 'post']}
        word={(m) => code('shipMethod', m)}
        t={t}
        send={(method, key) => apiPost(refundPath('ship-return'), id, { method: method as 'express' }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    ...(by
      ? {
          evidence: ((_a, close) => (
            <EvidenceForm refund={refund.refund} by={by} close={close} onDone={done(close)} />
          )) as ActionRenderer,
        }
      : {}),
    settle: (_a, close) => (
      <AmountForm
        label={t('case.settleAmount')}
        initial={refund.requested}
        t={t}
        send={(amount, key) => apiPost(refundPath('settle'), id, { amount: amount ?? 0 }, key)}
        close={close}
        onDone={done(close)}
      />
    ),
    ruling: (_a, close) => (
      <RulingForm refund={refund.refund} maximum={refund.maximum} close={close} onDone={done(close)} />
    ),
  };
}

/** The buyer's refund request on an order line. */
export function requestRefundForm(order: string, line: string, onDone: () => void): ActionRenderer {
  return (action, close) => (
    <RequestRefundForm
      order={order}
      line={line}
      action={action}
      close={close}
      onDone={() => {
        close(true);
        onDone();
      }}
    />
  );
}

/** The order's own actions: the buyer confirms receipt, the seller ships. */
export function orderForms(order: string, onDone: () => void, t: T, code: (p: string, v: string) => string) {
  const done = (close: (done?: boolean) => void) => () => {
    close(true);
    onDone();
  };
  return {
    confirm: ((_a, close) => (
      <ConfirmForm
        text="order.confirmText"
        submit="action.confirm"
        send={(key) => apiPost('/v1/orders/{order}/confirm', { order }, {}, key)}
        close={close}
        onDone={done(close)}
      />
    )) as ActionRenderer,
    ship: ((_a, close) => (
      <ChoiceForm
        label={t('order.shipMethod')}
        options={['express', 'post', 'virtual']}
        word={(m) => code('shipMethod', m)}
        t={t}
        send={(method, key) => apiPost('/v1/orders/{order}/ship', { order }, { method: method as 'express' }, key)}
        close={close}
        onDone={done(close)}
      />
    )) as ActionRenderer,
  };
}
