import { useId, useState } from 'react';
import { apiPost } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { ActionForm } from './ActionForm.js';
import { TextArea } from './TextField.js';

type Image = { kind: 'image'; mediaType: string; data: string };

/** A file's bytes as base64 (what the evidence route takes); the server checks type and size. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Evidence for a platform intervention (I2): a text and, optionally, images. */
export function EvidenceForm({
  refund,
  by,
  close,
  onDone,
}: {
  refund: string;
  by: 'buyer' | 'seller';
  close: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const fileId = useId();
  const [text, setText] = useState('');
  const [images, setImages] = useState<Image[]>([]);
  const [names, setNames] = useState<string[]>([]);
  const pick = async (files: FileList | null) => {
    const chosen = [...(files ?? [])].slice(0, 9);
    setNames(chosen.map((f) => f.name));
    setImages(
      await Promise.all(
        chosen.map(async (f) => ({ kind: 'image' as const, mediaType: f.type, data: await readBase64(f) })),
      ),
    );
  };
  const body = text.trim() ? { by, text, ...(images.length ? { attachments: images } : {}) } : null;
  return (
    <ActionForm
      body={body}
      send={(b, key) => apiPost('/v1/refunds/{refund}/evidence', { refund }, b, key)}
      submitLabel={t('evidence.submit')}
      onDone={onDone}
      onCancel={close}
    >
      <TextArea label={t('evidence.text')} value={text} onChange={setText} required />
      <div className="field">
        <label htmlFor={fileId}>{t('evidence.images')}</label>
        <input
          id={fileId}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          multiple
          onChange={(e) => void pick(e.target.files)}
        />
        {names.length ? <small className="muted">{names.join(', ')}</small> : null}
      </div>
    </ActionForm>
  );
}
