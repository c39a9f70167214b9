import { useI18n } from '../i18n/i18n.js';
import { Link, navigate } from './router.js';
import { homeOf, useSession } from './session.js';

/** Brand, the signed-in person's pages, the language switch, sign-in/out. */
export function Header() {
  const { t, code, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const home = me ? homeOf(me.role) : null;
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        {t('brand')}
      </Link>
      <nav aria-label={t('nav.main')} className="main-nav">
        {home && home !== '/' ? <Link to={home}>{code('home', me!.role)}</Link> : null}
      </nav>
      <div className="header-tools">
        <button
          type="button"
          className="lang-switch"
          // Named in the language it switches to, so that a reader of that language finds it.
          lang={lang === 'en' ? 'zh-CN' : 'en'}
          aria-label={t('nav.otherLanguageLabel')}
          onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
        >
          {t('nav.otherLanguage')}
        </button>
        {me ? (
          <>
            <span className="who small" title={code('role', me.role)}>
              {me.name ?? `${code('role', me.role)} ${me.subject ?? ''}`}
            </span>
            <button
              type="button"
              onClick={() => {
                signOut();
                navigate('/');
              }}
            >
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          <Link to="/sign-in" className="button">
            {t('nav.signIn')}
          </Link>
        )}
      </div>
    </header>
  );
}
