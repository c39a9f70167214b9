import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Link } from './router.js';
import { useSession } from './session.js';

/**
 * Shows a role's page to a person signed in with that role (the page needs their id); the server
 * still decides what they may read and do.
 */
export function RoleGate({ roles, children }: { roles: readonly string[]; children: (subject: string) => ReactNode }) {
  const { t, code } = useI18n();
  const { me } = useSession();
  if (me === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!me || !roles.includes(me.role) || !me.subject) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section className="card narrow">
        <p>{t('gate.needRole', { role: roles.map((r) => code('role', r)).join(' / ') })}</p>
        <Link to={`/sign-in?next=${next}`} className="button primary">
          {t('nav.signIn')}
        </Link>
      </section>
    );
  }
  return <>{children(me.subject)}</>;
}
