/**
 * I2: what evidence may carry beside its text. Images are checked by their leading bytes, not by
 * the type the client claims, so a script renamed `.png` is refused; limits are policy-free here
 * because they protect the service, not a marketplace rule.
 */
export const EVIDENCE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type EvidenceImageType = (typeof EVIDENCE_IMAGE_TYPES)[number];

/** Largest image, in bytes (2 MiB). */
export const EVIDENCE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Most attachments on one piece of evidence. */
export const EVIDENCE_MAX_ATTACHMENTS = 9;

const SIGNATURES: Record<EvidenceImageType, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  'image/webp': (b) =>
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50,
};

/** Why an image cannot be accepted as evidence, or `null` when it can. */
export function evidenceImageProblem(bytes: Uint8Array, mediaType: string): string | null {
  if (!(EVIDENCE_IMAGE_TYPES as readonly string[]).includes(mediaType)) {
    return `images must be one of ${EVIDENCE_IMAGE_TYPES.join(', ')}`;
  }
  if (bytes.length === 0) return 'the image is empty';
  if (bytes.length > EVIDENCE_IMAGE_MAX_BYTES) return `an image may be at most ${EVIDENCE_IMAGE_MAX_BYTES} bytes`;
  if (!SIGNATURES[mediaType as EvidenceImageType](bytes)) return `the bytes are not a ${mediaType} image`;
  return null;
}
