import { Flex, List, Progress, Typography } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../../lib/format';
import { useLots, useMyParking } from '../../parking/hooks/useParking';
import { CardState, HomeCard } from './HomeCard';

/** Where my car is and what the stay costs so far; when it is not parked, how full the lots are. */
export function ParkingHomeCard() {
  const { t } = useTranslation();
  const mine = useMyParking();
  const lots = useLots();
  const open = mine.data?.sessions.filter((s) => s.status === 'open') ?? [];
  // Loading or failing either query shows in the card; retry asks both again.
  const state = { ...lots, isPending: mine.isPending || lots.isPending, isError: mine.isError || lots.isError, refetch: () => Promise.all([mine.refetch(), lots.refetch()]) };
  return (
    <HomeCard title={t('memberHome.parking.title')} icon={<CarOutlined />} to="/parking" testId="home-parking">
      {open.length > 0 ? (
        open.map((s) => (
          <Flex vertical key={s.id} gap={2} style={{ marginBottom: 8 }} data-testid="home-parking-session">
            <Typography.Text strong>
              {s.plate} · {s.lotName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('memberHome.parking.since', { at: formatDateTime(s.entryAt), minutes: s.entryAt ? dayjs().diff(dayjs(s.entryAt), 'minute') : 0 })}
            </Typography.Text>
            <Flex justify="space-between" align="baseline">
              <Typography.Text type="secondary">{t('memberHome.parking.feeSoFar')}</Typography.Text>
              <Typography.Text strong style={{ fontSize: 22 }} data-testid="home-parking-fee">
                ¥{formatFen(s.feeFen ?? 0)}
              </Typography.Text>
            </Flex>
          </Flex>
        ))
      ) : (
        <CardState query={state} isEmpty={(d) => d.length === 0} empty={t('memberHome.parking.noLots')}>
          {() => (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('memberHome.parking.notParked')}
              </Typography.Text>
              <List
                size="small"
                dataSource={(lots.data ?? []).slice(0, 3)}
                renderItem={(l) => (
                  <List.Item key={l.id} style={{ padding: '6px 0', display: 'block' }} data-testid="home-parking-lot">
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text ellipsis>{l.name}</Typography.Text>
                      <Typography.Text type={l.free > 0 ? 'success' : 'danger'} style={{ flex: 'none' }}>
                        {t('memberHome.parking.free', { count: l.free })}
                      </Typography.Text>
                    </Flex>
                    <Progress aria-label={t('payments.parking.lotOccupancy', { name: l.name, occupied: l.occupied, capacity: l.capacity })} percent={l.capacity ? Math.round((l.occupied / l.capacity) * 100) : 0} size="small" showInfo={false} status={l.free === 0 ? 'exception' : 'normal'} />
                  </List.Item>
                )}
              />
            </>
          )}
        </CardState>
      )}
    </HomeCard>
  );
}
