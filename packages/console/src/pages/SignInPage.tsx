import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, apiGet } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { navigate } from '../app/router.js';
import { homeOf, useSession } from '../app/session.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { TextInput } from '../components/TextField.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * Sign in with an access token (minted by the marketplace) or, on a demo server, one of its
 * accounts; a link `/sign-in?token=…` (as `xinyu demo` prints) signs in at once.
 */
export function SignInPage({ next, linkToken }: { next: string | null; linkToken: string | null }) {
  const { t, code } = useI18n();
  const { signIn } = useSession();
  const demo = useResource(() => apiGet('/v1/demo', undefined), []);
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (secret: string) => {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(secret);
      navigate(next?.startsWith('/') ? next : homeOf(me.role), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught), 0));
    } finally {
      setBusy(false);
    }
  };
  const fromLink = useRef(linkToken);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link's token is used once, on arrival
  useEffect(() => {
    if (fromLink.current) void go(fromLink.current);
    fromLink.current = null;
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) void go(token.trim());
  };
  return (
    <section className="card narrow">
      <h1>{t('signIn.title')}</h1>
      {demo.data?.signIns.length ? (
        <div className="demo-sign-ins">
          <h2>{t('signIn.demo')}</h2>
          <ul>
            {demo.data.signIns.map((s) => (
              <li key={s.token}>
                <button type="button" disabled={busy} onClick={() => void go(s.token)} data-token={s.token}>
                  {t('signIn.as', { role: code('role', s.role), who: s.name ?? s.subject })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit}>
        <TextInput label={t('signIn.token')} value={token} onChange={setToken} hint={t('signIn.tokenHint')} required />
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('nav.signIn')}
        </button>
      </form>
    </section>
  );
}
