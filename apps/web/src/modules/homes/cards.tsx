import { useTranslation } from 'react-i18next';
import { FileSearchOutlined, FormOutlined, ReadOutlined, SecurityScanOutlined, UserOutlined } from '@ant-design/icons';
import { WorkbenchInspections } from '../property/components/WorkbenchInspections';
import { WorkbenchQueue } from '../property/components/WorkbenchQueue';
import { LinksCard } from './components/LinksCard';
import { ParkFiguresCard } from './components/ParkFiguresCard';
import { registerHomeCard } from './utils/home-cards';

// The cards each role's home starts with. A module that lands later registers its own cards
// (e.g. the market module a vendor's product card) and they appear on the role's home.

function InspectorCard() {
  const { t } = useTranslation();
  const c = 'homes.cards.inspector';
  return (
    <LinksCard
      testId="home-card-inspector"
      title={t(`${c}.title`)}
      text={t(`${c}.text`)}
      links={[
        { to: '/spot-checks', label: t(`${c}.checks`), icon: <SecurityScanOutlined /> },
        { to: '/spot-checks/new', label: t(`${c}.record`), icon: <FormOutlined /> },
        { to: '/spot-checks/findings', label: t(`${c}.findings`), icon: <FileSearchOutlined /> },
      ]}
    />
  );
}

function NewsCard() {
  const { t } = useTranslation();
  return (
    <LinksCard testId="home-card-news" title={t('homes.cards.news.title')} text={t('homes.cards.news.text')} links={[{ to: '/news', label: t('homes.cards.news.link'), icon: <ReadOutlined /> }]} />
  );
}

function AccountCard() {
  const { t } = useTranslation();
  return (
    <LinksCard
      testId="home-card-account"
      title={t('homes.cards.account.title')}
      text={t('homes.cards.account.text')}
      links={[{ to: '/account', label: t('homes.cards.account.link'), icon: <UserOutlined /> }]}
    />
  );
}

function VendorCard() {
  const { t } = useTranslation();
  return <LinksCard testId="home-card-vendor" title={t('homes.cards.vendor.title')} text={t('homes.cards.vendor.text')} />;
}

const has = (role: string) => (p: { roles: string[] }) => p.roles.includes(role);

registerHomeCard({ key: 'property.queue', isFor: (p) => p.isProperty, order: 10, Component: WorkbenchQueue });
registerHomeCard({ key: 'property.inspections', isFor: (p) => p.isProperty, order: 20, Component: WorkbenchInspections });
registerHomeCard({ key: 'inspector.spot-checks', isFor: (p) => p.isInspector, order: 10, Component: InspectorCard });
registerHomeCard({ key: 'alliance.figures', isFor: has('alliance'), order: 10, isWide: true, Component: ParkFiguresCard });
registerHomeCard({ key: 'vendor.market', isFor: has('vendor'), order: 10, Component: VendorCard });
registerHomeCard({ key: 'news', isFor: (p) => !p.isProperty, order: 80, Component: NewsCard });
registerHomeCard({ key: 'account', isFor: () => true, order: 90, Component: AccountCard });
