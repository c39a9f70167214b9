import { Link } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';

/** The sections of the platform staff console. */
export function StaffTabs() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('staff.title')}>
      <Link to="/staff">{t('staff.queue')}</Link>
      <Link to="/staff/complaints">{t('staff.complaints')}</Link>
    </nav>
  );
}
