import type { RefundView } from '../api/views.js';
import { useI18n } from '../i18n/i18n.js';
import { Instant } from './TimeLeft.js';

type Chat = Array<{ from: string; text: string; at: string }>;

/** The evidence both parties submitted (I2): texts, images served by the API, chat excerpts. */
export function EvidenceList({ evidence }: { evidence: RefundView['evidence'] }) {
  const { t, code } = useI18n();
  if (evidence.length === 0) return <p className="muted">{t('evidence.none')}</p>;
  return (
    <ol className="evidence-list">
      {evidence.map((e) => (
        <li key={e.evidence} className="evidence">
          <p>
            <strong>{code('party', e.by)}</strong>{' '}
            <span className="muted small">
              <Instant at={e.at} />
            </span>
          </p>
          <p className="review-text">{e.text}</p>
          <div className="attachments">
            {e.attachments.map((a, i) =>
              a.kind === 'image' && a.url ? (
                <a key={a.url} href={a.url} target="_blank" rel="noreferrer">
                  <img src={a.url} alt={t('evidence.imageAlt', { n: i + 1 })} loading="lazy" />
                </a>
              ) : a.kind === 'chat' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: attachments are stored in order and never reorder
                <ul key={`chat-${i}`} className="chat">
                  {((a.messages as Chat | undefined) ?? []).map((m) => (
                    <li key={`${m.at}-${m.text}`}>
                      <strong>{code('party', m.from)}</strong> {m.text}
                    </li>
                  ))}
                </ul>
              ) : null,
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
