import { type FormEvent, useState } from 'react';
import { apiGet } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Link, navigate } from '../app/router.js';
import { TextInput } from '../components/TextField.js';
import { useI18n } from '../i18n/i18n.js';

/** What the console is, the demo's shops when the server has a demo, and a way to open any shop. */
export function HomePage() {
  const { t, code } = useI18n();
  const demo = useResource(() => apiGet('/v1/demo', undefined), []);
  const [seller, setSeller] = useState('');
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (seller.trim()) navigate(`/shops/${encodeURIComponent(seller.trim())}`);
  };
  return (
    <>
      <section className="card hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <p>
          <Link to="/sign-in" className="button primary">
            {t('nav.signIn')}
          </Link>
        </p>
      </section>
      {demo.data?.signIns.length ? (
        <section className="card">
          <h2>{t('signIn.demo')}</h2>
          <ul className="shop-links">
            {demo.data.signIns.map((s) => (
              <li key={s.token}>
                <Link to={`/sign-in?token=${encodeURIComponent(s.token)}`}>
                  {t('signIn.as', { role: code('role', s.role), who: s.name ?? s.subject })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {demo.data?.shops.length ? (
        <section className="card">
          <h2>{t('home.shops')}</h2>
          <ul className="shop-links">
            {demo.data.shops.map((s) => (
              <li key={s.seller}>
                <Link to={`/shops/${encodeURIComponent(s.seller)}`}>{s.name ?? s.seller}</Link>{' '}
                <span className="muted small">{code('market', s.market)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t('home.findShop')}</h2>
        <form className="inline-form" onSubmit={open}>
          <TextInput label={t('home.sellerId')} value={seller} onChange={setSeller} required />
          <button type="submit">{t('home.open')}</button>
        </form>
      </section>
    </>
  );
}
