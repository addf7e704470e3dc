import { Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { ApprovalFlow, ConditionOp } from '../api/approvals.api';
import { useCreateFlow, useFlowCandidates, useUpdateFlow } from '../hooks/useApprovals';
import { fromStepFields, newStepField, toStepFields, type StepField } from '../utils/flow-form';

interface FlowForm {
  parkId: string;
  key: string;
  nameZh: string;
  nameEn: string;
  steps: StepField[];
}

const OPS: ConditionOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'];

/**
 * Creates or edits an approval flow with plain form fields: steps with names, approvers (a person,
 * the park's operators, the applicant's enterprise admins), 会签/或签, an optional condition on a
 * form value, a due time and escalation. Saving a flow that cases use makes a new version.
 */
export function FlowEditorModal({ flow, parks, onClose }: { flow: ApprovalFlow | null | undefined; parks: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FlowForm>();
  const create = useCreateFlow();
  const update = useUpdateFlow();
  const parkId = Form.useWatch('parkId', form) ?? flow?.parkId;
  const candidates = useFlowCandidates(parkId);
  const isOpen = flow !== undefined;
  const initial: Partial<FlowForm> = flow ? { parkId: flow.parkId, key: flow.key, nameZh: flow.nameZh, nameEn: flow.nameEn, steps: toStepFields(flow.steps) } : { parkId: parks[0]?.id, steps: [newStepField()] };

  const handleSubmit = async (values: FlowForm) => {
    const steps = fromStepFields(values.steps ?? []);
    if (flow) return update.mutateAsync({ id: flow.id, input: { nameZh: values.nameZh, nameEn: values.nameEn, steps } });
    return create.mutateAsync({ parkId: values.parkId, key: values.key, nameZh: values.nameZh, nameEn: values.nameEn, steps });
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormModal<FlowForm>
      open={isOpen}
      key={flow?.id ?? 'new'}
      form={form}
      width={920}
      title={flow ? t('approvals.flows.edit') : t('approvals.flows.create')}
      onClose={onClose}
      onSubmit={handleSubmit}
      initialValues={initial}
      successMessage={t('common.saved')}
      testId="flow-editor"
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="parkId" label={t('approvals.flows.park')} rules={required(t('approvals.flows.park'))}>
            <Select disabled={!!flow} options={parks.map((p) => ({ value: p.id, label: p.name }))} data-testid="flow-park" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="key" label={t('approvals.flows.key')} extra={t('approvals.flows.keyHint')} rules={required(t('approvals.flows.key'))}>
            <Input disabled={!!flow} maxLength={60} data-testid="flow-key" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameZh" label={t('approvals.flows.nameZh')} rules={required(t('approvals.flows.nameZh'))}>
            <Input maxLength={60} data-testid="flow-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('approvals.flows.nameEn')} rules={required(t('approvals.flows.nameEn'))}>
            <Input maxLength={60} data-testid="flow-name-en" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="steps">
        {(steps, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {steps.map((step, index) => (
              <Card
                key={step.key}
                size="small"
                title={t('approvals.flows.step', { n: index + 1 })}
                data-testid={`flow-step-${index}`}
                extra={steps.length > 1 && <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('approvals.flows.removeStep')} onClick={() => remove(step.name)} />}
              >
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[step.name, 'nameZh']} label={t('approvals.flows.stepNameZh')} rules={required(t('approvals.flows.stepNameZh'))}>
                      <Input maxLength={60} data-testid={`step-${index}-name-zh`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[step.name, 'nameEn']} label={t('approvals.flows.stepNameEn')} rules={required(t('approvals.flows.stepNameEn'))}>
                      <Input maxLength={60} data-testid={`step-${index}-name-en`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[step.name, 'mode']} label={t('approvals.flows.mode')}>
                      <Radio.Group optionType="button" options={(['any', 'all'] as const).map((m) => ({ value: m, label: <span data-testid={`step-${index}-mode-${m}`}>{t(`approvals.modes.${m}`)}</span> }))} />
                    </Form.Item>
                  </Col>
                </Row>
                <Typography.Text strong>{t('approvals.flows.approvers')}</Typography.Text>
                <Form.List name={[step.name, 'approvers']} rules={[{ validator: async (_r, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('approvals.flows.approversRequired')))) }]}>
                  {(approvers, ops, { errors }) => (
                    <div style={{ marginTop: 8 }}>
                      {approvers.map((a, j) => (
                        <Space key={a.key} align="baseline" wrap style={{ display: 'flex' }}>
                          <Form.Item name={[a.name, 'kind']} style={{ minWidth: 200 }}>
                            <Select
                              aria-label={t('approvals.flows.approverKind')}
                              data-testid={`step-${index}-approver-${j}-kind`}
                              options={(['park_operators', 'user', 'enterprise_admin'] as const).map((k) => ({ value: k, label: t(`approvals.flows.kinds.${k}`) })).concat(form.getFieldValue(['steps', step.name, 'approvers', a.name, 'kind']) === 'role' ? [{ value: 'role' as never, label: t('approvals.flows.kinds.role') }] : [])}
                            />
                          </Form.Item>
                          <Form.Item noStyle shouldUpdate>
                            {() =>
                              form.getFieldValue(['steps', step.name, 'approvers', a.name, 'kind']) === 'user' ? (
                                <Form.Item name={[a.name, 'userId']} rules={required(t('approvals.flows.user'))} style={{ minWidth: 240 }}>
                                  <Select
                                    showSearch
                                    optionFilterProp="label"
                                    aria-label={t('approvals.flows.user')}
                                    placeholder={t('approvals.flows.user')}
                                    loading={candidates.isLoading}
                                    data-testid={`step-${index}-approver-${j}-user`}
                                    options={(candidates.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
                                  />
                                </Form.Item>
                              ) : null
                            }
                          </Form.Item>
                          <Button type="text" icon={<DeleteOutlined />} aria-label={t('approvals.flows.removeApprover')} onClick={() => ops.remove(a.name)} />
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add({ kind: 'user' })} data-testid={`step-${index}-add-approver`}>
                        {t('approvals.flows.addApprover')}
                      </Button>
                      <Form.ErrorList errors={errors} />
                    </div>
                  )}
                </Form.List>
                <Divider style={{ margin: '12px 0' }} />
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[step.name, 'hasCondition']} valuePropName="checked">
                      <Checkbox data-testid={`step-${index}-has-condition`}>{t('approvals.flows.hasCondition')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['steps', step.name, 'hasCondition']) ? (
                        <>
                          <Col xs={24} md={6}>
                            <Form.Item name={[step.name, 'conditionField']} label={t('approvals.flows.conditionField')} rules={required(t('approvals.flows.conditionField'))}>
                              <Input placeholder="amountFen" data-testid={`step-${index}-condition-field`} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={5}>
                            <Form.Item name={[step.name, 'conditionOp']} label={t('approvals.flows.conditionOp')} initialValue="gt">
                              <Select options={OPS.map((o) => ({ value: o, label: t(`approvals.ops.${o}`) }))} data-testid={`step-${index}-condition-op`} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={7}>
                            <Form.Item name={[step.name, 'conditionValue']} label={t('approvals.flows.conditionValue')} extra={t('approvals.flows.conditionHint')} rules={required(t('approvals.flows.conditionValue'))}>
                              <Input data-testid={`step-${index}-condition-value`} />
                            </Form.Item>
                          </Col>
                        </>
                      ) : null
                    }
                  </Form.Item>
                </Row>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[step.name, 'dueHours']} label={t('approvals.flows.dueHours')}>
                      <InputNumber min={1} max={2160} style={{ width: '100%' }} placeholder={t('approvals.flows.noDue')} data-testid={`step-${index}-due-hours`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item name={[step.name, 'escalation']} label={t('approvals.flows.escalation')}>
                      <Radio.Group options={(['none', 'notify', 'reassign'] as const).map((e) => ({ value: e, label: t(`approvals.flows.escalations.${e}`) }))} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add(newStepField())} data-testid="flow-add-step">
              {t('approvals.flows.addStep')}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}
