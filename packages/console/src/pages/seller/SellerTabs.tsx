import { Link } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';

/** The sections of the seller workbench. */
export function SellerTabs() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('seller.title')}>
      <Link to="/seller">{t('seller.reviews')}</Link>
      <Link to="/seller/credit">{t('seller.credit')}</Link>
      <Link to="/seller/refunds">{t('seller.refunds')}</Link>
      <Link to="/seller/rates">{t('seller.rates')}</Link>
    </nav>
  );
}
