import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, List, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { CHECK_ITEM_KINDS, CHECKPOINT_KINDS, FINDING_SEVERITIES, INSPECTION_PURPOSES, SCHEDULE_RECURRENCES } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import type { InspectionRoute, RouteInput, TemplateInput } from '../modules/inspections/api/inspections.api';
import { useCreateRoute, useCreateSchedule, useCreateTemplate, useRoutes, useTemplates } from '../modules/inspections/hooks/useInspections';
import { findDistricts } from '../modules/parks/api/parks.api';
import { useParks } from '../modules/parks/hooks/useParks';
import { findUsers } from '../modules/users/api/users.api';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const CATEGORIES = ['fire', 'cleaning', 'elevator', 'hvac', 'electrical', 'plumbing', 'lighting', 'security', 'network', 'parking', 'other'];

function TemplateModal({ open, onClose, parkId }: { open: boolean; onClose: () => void; parkId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateInput>();
  const create = useCreateTemplate();
  const submit = (v: TemplateInput) =>
    create.mutate(
      { ...v, parkId: parkId ?? '' },
      {
        onSuccess: () => {
          void message.success(t('inspections.setup.created'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
        },
      },
    );
  return (
    <Modal open={open} title={t('inspections.setup.newTemplate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purpose: 'inspection', items: [{ kind: 'pass_fail', severity: 'minor', photoRequiredOnFail: true }] }}>
        <Flex gap={8} wrap>
          <Form.Item name="name" label={t('inspections.fields.name')} rules={[{ required: true }]} style={{ flex: '1 1 240px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="purpose" label={t('inspections.fields.purpose')} style={{ flex: '0 1 180px' }}>
            <Select options={INSPECTION_PURPOSES.map((p) => ({ value: p, label: t(`inspections.purposes.${p}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('inspections.fields.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Card key={f.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'key']} label={t('inspections.fields.key')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/ }]} style={{ flex: '0 1 120px' }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} label={t('inspections.fields.label')} rules={[{ required: true }]} style={{ flex: '1 1 240px' }}>
                      <Input />
                    </Form.Item>
                  </Flex>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'kind']} label={t('inspections.fields.kind')} style={{ flex: '0 1 140px' }}>
                      <Select options={CHECK_ITEM_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['items', f.name, 'kind']) === 'score' ? (
                          <>
                            <Form.Item name={[f.name, 'maxScore']} label={t('inspections.fields.maxScore')} style={{ flex: '0 1 90px' }}>
                              <InputNumber min={1} max={100} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'passScore']} label={t('inspections.fields.passScore')} style={{ flex: '0 1 90px' }}>
                              <InputNumber min={0} max={100} />
                            </Form.Item>
                          </>
                        ) : null
                      }
                    </Form.Item>
                    <Form.Item name={[f.name, 'severity']} label={t('inspections.fields.severity')} style={{ flex: '0 1 110px' }}>
                      <Select options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severities.${s}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'category']} label={t('inspections.fields.category')} style={{ flex: '0 1 160px' }}>
                      <Select allowClear placeholder={t('inspections.setup.noCategory')} options={CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'photoRequiredOnFail']} valuePropName="checked" label=" ">
                      <Checkbox>{t('inspections.fields.photoRequired')}</Checkbox>
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'pass_fail', severity: 'minor', photoRequiredOnFail: true })}>
                {t('inspections.setup.addItem')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function RouteModal({ open, onClose, parkId }: { open: boolean; onClose: () => void; parkId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RouteInput>();
  const create = useCreateRoute();
  const templates = useTemplates();
  const districts = useQuery({ queryKey: ['districts', parkId], queryFn: () => findDistricts(parkId), enabled: !!parkId });
  const submit = (v: RouteInput) =>
    create.mutate(
      { ...v, parkId: parkId ?? '' },
      {
        onSuccess: () => {
          void message.success(t('inspections.setup.created'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
        },
      },
    );
  return (
    <Modal open={open} title={t('inspections.setup.newRoute')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purpose: 'inspection', checkpoints: [{ kind: 'district' }] }}>
        <Flex gap={8} wrap>
          <Form.Item name="name" label={t('inspections.fields.name')} rules={[{ required: true }]} style={{ flex: '1 1 240px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="purpose" label={t('inspections.fields.purpose')} style={{ flex: '0 1 180px' }}>
            <Select options={INSPECTION_PURPOSES.map((p) => ({ value: p, label: t(`inspections.purposes.${p}`) }))} />
          </Form.Item>
        </Flex>
        <Form.List name="checkpoints">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Card key={f.key} size="small" extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'name']} label={t('inspections.fields.checkpoint')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} label={t('inspections.fields.kind')} style={{ flex: '0 1 140px' }}>
                      <Select options={CHECKPOINT_KINDS.filter((k) => k !== 'building').map((k) => ({ value: k, label: t(`inspections.checkpointKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'districtId']} label={t('inspections.fields.district')} rules={[{ required: true }]} style={{ flex: '0 1 160px' }}>
                      <Select options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'templateId']} label={t('inspections.fields.template')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
                      <Select options={(templates.data?.items ?? []).filter((x) => x.isActive && x.parkId === parkId).map((x) => ({ value: x.id, label: x.name }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'locationText']} label={t('inspections.fields.location')} style={{ flex: '1 1 200px' }}>
                      <Input />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'district' })}>
                {t('inspections.setup.addCheckpoint')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ScheduleModal({ route, onClose }: { route: InspectionRoute; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<{ assigneeId: string; dueDate: Dayjs; recurrence: (typeof SCHEDULE_RECURRENCES)[number] }>();
  const create = useCreateSchedule();
  const operators = useQuery({ queryKey: ['users', 'operators'], queryFn: () => findUsers({ page: 1, pageSize: 200, role: 'operator' }).catch(() => null) });
  const options = [{ value: user?.id ?? '', label: t('inspections.setup.me') }, ...(operators.data?.items ?? []).filter((u) => u.id !== user?.id).map((u) => ({ value: u.id, label: u.displayName }))];
  return (
    <Modal open title={`${t('inspections.setup.newSchedule')} · ${route.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ assigneeId: user?.id, recurrence: 'none' }}
        onFinish={(v) =>
          create.mutate(
            { routeId: route.id, assigneeId: v.assigneeId, dueDate: v.dueDate.format('YYYY-MM-DD'), recurrence: v.recurrence },
            {
              onSuccess: () => {
                void message.success(t('inspections.setup.scheduled'));
                onClose();
              },
              onError: (e) => {
                if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
              },
            },
          )
        }
      >
        <Form.Item name="assigneeId" label={t('inspections.fields.assignee')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('inspections.fields.dueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="recurrence" label={t('inspections.fields.recurrence')}>
          <Select options={SCHEDULE_RECURRENCES.map((r) => ({ value: r, label: t(`inspections.recurrences.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Operators' checklist templates and routes (one model for inspections, patrols, equipment rounds and drone missions), and scheduling. */
export function InspectionSetupPage() {
  const { t } = useTranslation();
  const parks = useParks();
  const [parkId, setParkId] = useState<string>();
  const park = parkId ?? parks.data?.[0]?.id;
  const templates = useTemplates();
  const routes = useRoutes();
  const [modal, setModal] = useState<'template' | 'route' | null>(null);
  const [scheduling, setScheduling] = useState<InspectionRoute | null>(null);
  return (
    <div>
      <PageHeader
        title={t('inspections.setup.title')}
        subtitle={t('inspections.setup.subtitle')}
        extra={
          (parks.data?.length ?? 0) > 1 && <Select style={{ minWidth: 160 }} value={park} onChange={setParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        }
      />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'templates',
              label: t('inspections.setup.templates'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('template')} data-testid="inspection-new-template">
                    {t('inspections.setup.newTemplate')}
                  </Button>
                  <QueryBoundary query={templates} isCard={false}>
                    {(p) => (
                      <List
                        dataSource={p.items.filter((x) => !park || x.parkId === park)}
                        renderItem={(x) => (
                          <List.Item>
                            <List.Item.Meta
                              title={
                                <Space wrap size={4}>
                                  {x.name}
                                  <Tag>{t(`inspections.purposes.${x.purpose}`)}</Tag>
                                </Space>
                              }
                              description={
                                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                                  {t('inspections.setup.itemCount', { count: x.items.length })} · {x.items.map((i) => i.label).join('、')}
                                </Typography.Paragraph>
                              }
                            />
                          </List.Item>
                        )}
                      />
                    )}
                  </QueryBoundary>
                </Space>
              ),
            },
            {
              key: 'routes',
              label: t('inspections.setup.routes'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('route')} data-testid="inspection-new-route">
                    {t('inspections.setup.newRoute')}
                  </Button>
                  <QueryBoundary query={routes} isCard={false}>
                    {(p) => (
                      <List
                        dataSource={p.items.filter((x) => !park || x.parkId === park)}
                        renderItem={(r) => (
                          <List.Item
                            actions={[
                              <Button key="s" size="small" onClick={() => setScheduling(r)}>
                                {t('inspections.setup.newSchedule')}
                              </Button>,
                            ]}
                          >
                            <List.Item.Meta
                              title={
                                <Space wrap size={4}>
                                  {r.name}
                                  <Tag>{t(`inspections.purposes.${r.purpose}`)}</Tag>
                                </Space>
                              }
                              description={`${t('inspections.setup.checkpointCount', { count: r.checkpoints.length })} · ${r.checkpoints.map((c) => c.name).join(' → ')}`}
                            />
                          </List.Item>
                        )}
                      />
                    )}
                  </QueryBoundary>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <TemplateModal open={modal === 'template'} onClose={() => setModal(null)} parkId={park} />
      <RouteModal open={modal === 'route'} onClose={() => setModal(null)} parkId={park} />
      {scheduling && <ScheduleModal route={scheduling} onClose={() => setScheduling(null)} />}
    </div>
  );
}
