import { type ReactNode, useState } from 'react';
import type { Action } from '../api/views.js';
import { useI18n } from '../i18n/i18n.js';
import { ButtonGroup } from './ButtonGroup.js';
import { Dialog } from './Dialog.js';
import { TimeLeft } from './TimeLeft.js';

/** The form of one action, given the action as the server listed it and a way to close the dialog. */
export type ActionRenderer = (action: Action, close: () => void) => ReactNode;

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
  const shown = (actions ?? []).filter((a) => forms[a.action]);
  if (shown.length === 0) return null;
  return (
    <ButtonGroup className="actions" label={label}>
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
          onClose={() => setOpen(null)}
        >
          {forms[open.action]?.(open, () => setOpen(null))}
        </Dialog>
      ) : null}
    </ButtonGroup>
  );
}
