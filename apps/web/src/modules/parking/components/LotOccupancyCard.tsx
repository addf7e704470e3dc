import { Card, Flex, List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { useLots } from '../hooks/useParking';

/** Live occupancy of each lot the user may see. */
export function LotOccupancyCard() {
  const { t } = useTranslation();
  const query = useLots();
  return (
    <Card size="small" title={t('payments.parking.occupancy')} data-testid="lot-occupancy">
      <QueryBoundary query={query} isCard={false} skeletonRows={2}>
        {(lots) => (
          <List
            dataSource={lots}
            locale={{ emptyText: t('payments.parking.noLots') }}
            renderItem={(l) => (
              <List.Item key={l.id}>
                <div style={{ width: '100%' }}>
                  <Flex justify="space-between">
                    <Typography.Text strong>{l.name}</Typography.Text>
                    <Typography.Text type={l.free > 0 ? 'success' : 'danger'}>{t('payments.parking.free', { count: l.free })}</Typography.Text>
                  </Flex>
                  <Progress aria-label={t('payments.parking.lotOccupancy', { name: l.name, occupied: l.occupied, capacity: l.capacity })} percent={l.capacity ? Math.round((l.occupied / l.capacity) * 100) : 0} size="small" status={l.free === 0 ? 'exception' : 'normal'} format={() => `${l.occupied}/${l.capacity}`} />
                </div>
              </List.Item>
            )}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
