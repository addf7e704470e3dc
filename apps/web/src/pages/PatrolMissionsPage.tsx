import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { SCHEDULE_RECURRENCES, type ScheduleRecurrence } from '@parkos/contracts';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, List, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import { useParks } from '../modules/parks/hooks/useParks';
import { MissionStatusTag } from '../modules/patrols/components/MissionStatusTag';
import { useCreateMission, useDrones, useDroneRoutes, useMissions } from '../modules/patrols/hooks/usePatrols';
import { FormModal } from '../ui/FormModal';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

interface MissionForm {
  name: string;
  routeId: string;
  droneId: string;
  plannedAt: Dayjs;
  recurrence: ScheduleRecurrence;
}

function NewMissionModal({ parkId, onClose }: { parkId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const routes = useDroneRoutes(parkId);
  const drones = useDrones(parkId);
  const create = useCreateMission();
  const noRoutes = routes.isSuccess && routes.data.items.length === 0;
  return (
    <FormModal<MissionForm>
      open
      title={t('patrols.missions.new')}
      onClose={onClose}
      testId="mission-form"
      successMessage={t('patrols.missions.created')}
      initialValues={{ plannedAt: dayjs(), recurrence: 'none' }}
      onSubmit={(v) => create.mutateAsync({ name: v.name, routeId: v.routeId, droneId: v.droneId, plannedAt: v.plannedAt.toISOString(), recurrence: v.recurrence })}
    >
      {noRoutes && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('patrols.missions.noRoutes')} />}
      <Form.Item name="name" label={t('patrols.missions.name')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="mission-name" />
      </Form.Item>
      <Form.Item name="routeId" label={t('patrols.missions.route')} rules={[{ required: true }]}>
        <Select data-testid="mission-route" options={(routes.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="droneId" label={t('patrols.missions.drone')} rules={[{ required: true }]}>
        <Select data-testid="mission-drone" options={(drones.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }))} />
      </Form.Item>
      <Form.Item name="plannedAt" label={t('patrols.missions.plannedAt')} rules={[{ required: true }]}>
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="recurrence" label={t('patrols.missions.recurrence')}>
        <Select options={SCHEDULE_RECURRENCES.map((r) => ({ value: r, label: t(`inspections.recurrences.${r}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

/** Drone patrol missions of a park: operators plan them; property staff of the route's districts follow them. */
export function PatrolMissionsPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const parks = useParks();
  const [picked, setPicked] = useState<string>();
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const parkId = picked ?? parks.data?.[0]?.id;
  const missions = useMissions({ parkId: permissions.isOperator ? parkId : undefined, page, pageSize: 20 });
  return (
    <div>
      <PageHeader
        title={t('patrols.missions.title')}
        subtitle={t('patrols.missions.subtitle')}
        extra={
          permissions.isOperator && (
            <Space wrap>
              {(parks.data?.length ?? 0) > 1 && <Select style={{ minWidth: 160 }} value={parkId} onChange={setPicked} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />}
              <Button type="primary" icon={<PlusOutlined />} disabled={!parkId} onClick={() => setIsCreating(true)} data-testid="mission-new">
                {t('patrols.missions.new')}
              </Button>
            </Space>
          )
        }
      />
      <QueryBoundary query={missions}>
        {(page_) => (
          <Card size="small">
            <List
              dataSource={page_.items}
              locale={{ emptyText: t('patrols.missions.empty') }}
              pagination={page_.total > page_.pageSize ? { current: page, pageSize: page_.pageSize, total: page_.total, onChange: setPage, size: 'small' } : false}
              renderItem={(m) => (
                <List.Item key={m.id} data-testid={`mission-${m.id}`}>
                  <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                    <Flex justify="space-between" gap={8} wrap>
                      <Link to={`/patrols/${m.id}`} data-user-content>
                        {m.name}
                      </Link>
                      <MissionStatusTag status={m.status} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                      <span data-user-content>{m.routeName}</span> · <span data-user-content>{m.droneName}</span> · {formatDateTime(m.plannedAt)}
                      {m.recurrence !== 'none' && <> · {t(`inspections.recurrences.${m.recurrence}`)}</>}
                    </Typography.Text>
                    {m.findingCount > 0 && <Typography.Text type="danger">{`${t('patrols.missions.findings')}: ${m.findingCount}`}</Typography.Text>}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        )}
      </QueryBoundary>
      {isCreating && parkId && <NewMissionModal parkId={parkId} onClose={() => setIsCreating(false)} />}
    </div>
  );
}
