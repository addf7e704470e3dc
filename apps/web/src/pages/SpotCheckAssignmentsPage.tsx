import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import { useParks } from '../modules/parks/hooks/useParks';
import type { Assignment } from '../modules/spotchecks/api/spotchecks.api';
import { useAssignments, useCheckDistricts, useCreateAssignment, useDeleteAssignment, useInspectors } from '../modules/spotchecks/hooks/useSpotChecks';
import { FormModal } from '../ui/FormModal';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

interface Values {
  districtId: string;
  inspectorUserId: string;
  validFrom: string;
  validTo?: string;
}

/** Operators assign third-party inspectors to districts of their park for a period. */
export function SpotCheckAssignmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const parks = useParks();
  const [chosenParkId, setParkId] = useState<string>();
  // The first park in scope until the user picks another.
  const parkId = chosenParkId ?? parks.data?.[0]?.id;
  const assignments = useAssignments(parkId);
  const districts = useCheckDistricts(parkId);
  const inspectors = useInspectors(parkId);
  const create = useCreateAssignment();
  const remove = useDeleteAssignment();
  const [isAdding, setIsAdding] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('spotChecks.assignments.title')}
        subtitle={t('spotChecks.assignments.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} disabled={!parkId} data-testid="spot-assign">
            {t('spotChecks.assignments.add')}
          </Button>
        }
      />
      {(parks.data?.length ?? 0) > 1 && <Select style={{ minWidth: 220, marginBottom: 12 }} value={parkId} onChange={setParkId} options={parks.data?.map((x) => ({ value: x.id, label: x.name }))} aria-label={t('spotChecks.fields.park')} />}
      <QueryBoundary query={assignments}>
        {(rows) => (
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Assignment>
              rowKey="id"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('spotChecks.assignments.empty') }}
              columns={[
                { title: t('spotChecks.assignments.inspector'), dataIndex: 'inspectorName' },
                { title: t('spotChecks.fields.district'), dataIndex: 'districtName' },
                { title: t('spotChecks.assignments.period'), render: (_, a) => `${a.validFrom} ~ ${a.validTo ?? t('spotChecks.assignments.open')}` },
                { title: t('spotChecks.fields.status'), dataIndex: 'isActive', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'spotChecks.assignments.active' : 'spotChecks.assignments.inactive')}</Tag> },
                {
                  title: '',
                  render: (_, a) => (
                    <Popconfirm title={t('spotChecks.assignments.removeConfirm')} onConfirm={() => remove.mutate(a.id, { onSuccess: () => void message.success(t('spotChecks.assignments.removed')), onError: (e) => void message.error(errorMessage(e)) })}>
                      <Button size="small" danger>
                        {t('spotChecks.assignments.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryBoundary>
      <FormModal<Values>
        open={isAdding}
        title={t('spotChecks.assignments.add')}
        onClose={() => setIsAdding(false)}
        initialValues={{ validFrom: dayjs().format('YYYY-MM-DD') }}
        successMessage={t('spotChecks.assignments.created')}
        testId="spot-assign-modal"
        onSubmit={(v) => create.mutateAsync({ parkId: parkId as string, districtId: v.districtId, inspectorUserId: v.inspectorUserId, validFrom: v.validFrom, validTo: v.validTo || null })}
      >
        <Form.Item name="inspectorUserId" label={t('spotChecks.assignments.inspector')} rules={[{ required: true, message: t('spotChecks.assignments.inspector') }]}>
          <Select options={inspectors.data?.map((u) => ({ value: u.id, label: t('spotChecks.assignments.inspectorOption', { name: u.displayName, username: u.username }) }))} />
        </Form.Item>
        <Form.Item name="districtId" label={t('spotChecks.fields.district')} rules={[{ required: true, message: t('spotChecks.fields.district') }]}>
          <Select options={districts.data?.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('spotChecks.fields.validFrom')} rules={[{ required: true, message: t('spotChecks.fields.validFrom') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validTo" label={t('spotChecks.fields.validTo')}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
