/**
 * One Idempotency-Key per user action: a retry of the same action (same body, after an error or a
 * lost answer) sends the same key, so the server answers it once; a changed body or a new action
 * after a success gets a new key.
 */
export class ActionKey {
  private key: string | null = null;
  private body: string | null = null;

  constructor(private readonly makeKey: () => string = () => crypto.randomUUID()) {}

  /** The key to send with `body` now. */
  for(body: unknown): string {
    const json = JSON.stringify(body ?? null);
    if (this.key === null || this.body !== json) {
      this.key = this.makeKey();
      this.body = json;
    }
    return this.key;
  }

  /** The action succeeded: the next one is a new action. */
  done(): void {
    this.key = null;
    this.body = null;
  }
}
