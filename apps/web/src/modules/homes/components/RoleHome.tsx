import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/useSession';
import { PageHeader } from '../../../ui/PageHeader';
import { homeCardsFor } from '../utils/home-cards';
import '../cards';

/** The home of roles without the operator dashboard or the member app: the cards their modules registered. */
export function RoleHome() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  const cards = homeCardsFor(permissions);
  return (
    <>
      <PageHeader title={t('dashboard.greeting', { name: user?.displayName ?? '' })} subtitle={t('homes.subtitle')} documentTitle={t('nav.welcome')} />
      <Row gutter={[16, 16]} data-testid="role-home">
        {cards.map(({ key, isWide, Component }) => (
          <Col key={key} xs={24} lg={isWide ? 24 : 12}>
            <Component />
          </Col>
        ))}
      </Row>
    </>
  );
}
