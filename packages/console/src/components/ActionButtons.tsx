import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { Action } from '../api/views.js';
import { useI18n } from '../i18n/i18n.js';
import { ButtonGroup } from './ButtonGroup.js';
import { Dialog } from './Dialog.js';
import { TimeLeft } from './TimeLeft.js';

/**
 * The form of one action, given the action as the server listed it and a way to close the dialog
 * (`close(true)` once the server accepted it).
 */
export type ActionRenderer = (action: Action, close: (done?: boolean) => void) => ReactNode;

/**
 * One button per action the server lists as allowed now (and only those), each with the time
 * left until the action's `until`; a button opens the action's form in a dialog.
 */
export function ActionButtons({
  actions,
  forms,
  label,
  subject,
  onExpire,
}: {
  actions: readonly Action[] | undefined;
  forms: Partial<Record<string, ActionRenderer>>;
  /** What the actions act on, for people using a screen reader ("订单 O1 第 L1 行"). */
  label?: string;
  /** The thing acted on (an item's title), shown in the dialog's title. */
  subject?: string | undefined;
  /** Runs when an action's `until` passes: the view is read again, so the button goes if the server says so. */
  onExpire?: () => void;
}) {
  const { code } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const group = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useRef<HTMLElement | null>(null);
  // Cancelled, the focus goes back to the button (the dialog does it); done, the button may be gone
  // once the view is read again, so the focus goes to what was acted on (the review, order or
  // refund around it), once the dialog has closed (a modal dialog keeps the focus inside it).
  const close = (done?: boolean) => {
    focusAfter.current = done ? (group.current?.closest<HTMLElement>('article, li, section') ?? null) : null;
    setOpen(null);
  };
  useLayoutEffect(() => {
    const holder = focusAfter.current;
    if (open !== null || !holder) return;
    focusAfter.current = null;
    holder.tabIndex = -1;
    holder.focus();
  }, [open]);
  const shown = (actions ?? []).filter((a) => forms[a.action]);
  if (shown.length === 0) return null;
  return (
    <ButtonGroup className="actions" label={label} ref={group}>
      {shown.map((action) => (
        <span key={action.action} className="action">
          <button type="button" onClick={() => setOpen(action)} data-action={action.action}>
            {code('action', action.action)}
          </button>
          {action.until ? <TimeLeft until={action.until} onOver={onExpire} /> : null}
        </span>
      ))}
      {open ? (
        <Dialog
          title={subject ? `${code('action', open.action)} · ${subject}` : code('action', open.action)}
          onClose={() => close()}
        >
          {forms[open.action]?.(open, close)}
        </Dialog>
      ) : null}
    </ButtonGroup>
  );
}
