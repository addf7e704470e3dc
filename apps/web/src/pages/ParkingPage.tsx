import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { LotOccupancyCard } from '../modules/parking/components/LotOccupancyCard';
import { MyPlatesCard } from '../modules/parking/components/MyPlatesCard';
import { MyStaysCard } from '../modules/parking/components/MyStaysCard';
import { ParkingAdmin } from '../modules/parking/components/ParkingAdmin';
import { ReserveCard } from '../modules/parking/components/ReserveCard';
import { useMyParking } from '../modules/parking/hooks/useParking';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Smart parking (智慧停车): members see their plates, stay, fee, occupancy and reservations; operators manage lots and sessions. */
export function ParkingPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const me = useMyParking();
  if (permissions.isOperator) {
    return (
      <>
        <PageHeader title={t('payments.parking.title')} />
        <ParkingAdmin />
      </>
    );
  }
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader title={t('payments.parking.title')} />
      <QueryBoundary query={me}>
        {(data) => (
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <MyStaysCard data={data} />
            </Col>
            <Col span={24}>
              <LotOccupancyCard />
            </Col>
            <Col span={24}>
              <MyPlatesCard data={data} />
            </Col>
            <Col span={24}>
              <ReserveCard data={data} />
            </Col>
          </Row>
        )}
      </QueryBoundary>
    </div>
  );
}
