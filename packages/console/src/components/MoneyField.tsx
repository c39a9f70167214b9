import { fenToYuanText, formatFen, parseYuan } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { TextInput } from './TextField.js';

/** An amount typed in yuan ("12.50"), read as fen; the maximum the server gave is shown as a hint. */
export function MoneyField({
  label,
  text,
  onChange,
  maximum,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  maximum?: number | undefined;
}) {
  const { t } = useI18n();
  const fen = parseYuan(text);
  const hint =
    text && fen === null
      ? t('money.invalid')
      : maximum !== undefined
        ? t('money.maximum', { amount: formatFen(maximum) })
        : undefined;
  return <TextInput label={label} value={text} onChange={onChange} inputMode="decimal" hint={hint} required />;
}

/** The starting text of an amount field. */
export const yuanText = (fen: number | undefined) => (fen === undefined ? '' : fenToYuanText(fen));
