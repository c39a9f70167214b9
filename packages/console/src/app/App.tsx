import { useI18n } from '../i18n/i18n.js';
import { BuyerOrders, BuyerRefunds } from '../pages/buyer/BuyerPages.js';
import { HomePage } from '../pages/HomePage.js';
import { RefundPage } from '../pages/RefundPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { CreditLedger } from '../pages/seller/CreditLedger.js';
import { SellerRates } from '../pages/seller/SellerRates.js';
import { SellerRefunds } from '../pages/seller/SellerRefunds.js';
import { WorkbenchReviews } from '../pages/seller/WorkbenchReviews.js';
import { ShopPage } from '../pages/shop/ShopPage.js';
import { CasePage } from '../pages/staff/CasePage.js';
import { Complaints } from '../pages/staff/Complaints.js';
import { InterventionQueue } from '../pages/staff/InterventionQueue.js';
import { Header } from './Header.js';
import { RoleGate } from './RoleGate.js';
import { matchPath, useLocation } from './router.js';

type Page = (params: Record<string, string>, subject: string) => React.ReactNode;
interface Route {
  readonly pattern: string;
  /** Who the page is for; absent: everyone, signed in or not. */
  readonly roles?: readonly string[];
  readonly page: Page;
}

const SELLER = ['seller', 'agent'];
const ROUTES: readonly Route[] = [
  { pattern: '/', page: () => <HomePage /> },
  { pattern: '/shops/:seller', page: (p) => <ShopPage seller={p.seller!} /> },
  { pattern: '/buyer', roles: ['buyer'], page: (_p, me) => <BuyerOrders buyer={me} /> },
  { pattern: '/buyer/refunds', roles: ['buyer'], page: (_p, me) => <BuyerRefunds buyer={me} /> },
  { pattern: '/buyer/refunds/:refund', roles: ['buyer'], page: (p) => <RefundPage refund={p.refund!} by="buyer" /> },
  { pattern: '/seller', roles: SELLER, page: (_p, me) => <WorkbenchReviews seller={me} /> },
  { pattern: '/seller/credit', roles: SELLER, page: (_p, me) => <CreditLedger seller={me} /> },
  { pattern: '/seller/refunds', roles: SELLER, page: (_p, me) => <SellerRefunds seller={me} /> },
  { pattern: '/seller/refunds/:refund', roles: SELLER, page: (p) => <RefundPage refund={p.refund!} by="seller" /> },
  { pattern: '/seller/rates', roles: SELLER, page: (_p, me) => <SellerRates seller={me} /> },
  { pattern: '/staff', roles: ['staff'], page: () => <InterventionQueue /> },
  { pattern: '/staff/cases/:refund', roles: ['staff'], page: (p) => <CasePage refund={p.refund!} /> },
  { pattern: '/staff/complaints', roles: ['staff'], page: () => <Complaints /> },
];

function NotFound() {
  const { t } = useI18n();
  return <p className="card">{t('common.notFound')}</p>;
}

/** The console: header, then the page the URL names (for its role, once signed in). */
export function App() {
  const { t } = useI18n();
  const { path, query } = useLocation();
  let body: React.ReactNode = <NotFound />;
  if (path === '/sign-in') body = <SignInPage next={query.get('next')} linkToken={query.get('token')} />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    body = route.roles ? (
      <RoleGate key={path} roles={route.roles}>
        {(subject) => route.page(params, subject)}
      </RoleGate>
    ) : (
      <div key={path}>{route.page(params, '')}</div>
    );
    break;
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </>
  );
}
