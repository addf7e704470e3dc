import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { BillsHomeCard } from '../modules/member-home/components/BillsHomeCard';
import { EventsHomeCard } from '../modules/member-home/components/EventsHomeCard';
import { NewsHomeCard } from '../modules/member-home/components/NewsHomeCard';
import { ParkingHomeCard } from '../modules/member-home/components/ParkingHomeCard';
import { PassHomeCard } from '../modules/member-home/components/PassHomeCard';
import { WorkOrdersHomeCard } from '../modules/member-home/components/WorkOrdersHomeCard';
import { ReliefHomeCard } from '../modules/relief/components/ReliefHomeCard';
import { ServicesHomeCard } from '../modules/services/components/ServicesHomeCard';
import { SurveysHomeCard } from '../modules/surveys/components/SurveysHomeCard';
import { PageHeader } from '../ui/PageHeader';

/** Members' and enterprise admins' home (微园区): pass, bills, services (服务), parking, news, events and repair requests at a glance. Phone first. */
export function MemberHomePage() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  // Phone order: what is needed at the gate and what costs money first, then services; rent relief is for enterprise admins.
  const cards = [PassHomeCard, BillsHomeCard, ParkingHomeCard, ServicesHomeCard, ...(permissions.isEnterpriseAdmin ? [ReliefHomeCard, SurveysHomeCard] : []), NewsHomeCard, EventsHomeCard, WorkOrdersHomeCard];
  return (
    <div data-testid="member-home">
      <PageHeader title={t('memberHome.greeting', { name: user?.displayName ?? '' })} subtitle={t('memberHome.subtitle')} />
      <Row gutter={[12, 12]}>
        {cards.map((Card) => (
          <Col key={Card.name} xs={24} md={12} xl={8}>
            <Card />
          </Col>
        ))}
      </Row>
    </div>
  );
}
