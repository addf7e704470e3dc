import { useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { METRIC_CATALOG, type MetricName } from '@parkos/contracts';
import { FormModal } from '../../../ui/FormModal';
import { DEVICE_TYPES } from '../../devices/api/devices.api';
import { useDevices } from '../../devices/hooks/useDevices';
import { LocationFields } from '../../parks/components/LocationFields';
import { useParks } from '../../parks/hooks/useParks';
import { CONDITION_OPERATORS, DIRECTIONS, GROUP_BY, OPERATORS, RULE_KINDS, RULE_METRICS, SEVERITIES, type AlarmRule, type RuleInput, type RuleKind } from '../api/rules.api';
import { useRuleMutations } from '../hooks/useRules';
import { RuleDryRun } from './RuleDryRun';
import { numberRule } from '../../../ui/number-rule';
import { metricName } from '../../../lib/coded-text';

interface RuleFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Editing this rule; creating when absent. */
  rule?: AlarmRule;
}

type FormValues = RuleInput;

/** The fields each kind sends; the others are left out. */
const KIND_FIELDS: Record<RuleKind, (keyof RuleInput)[]> = {
  threshold: ['metric', 'operator', 'value', 'hysteresis'],
  rate_of_change: ['metric', 'delta', 'windowSeconds', 'direction'],
  silent: ['silentSeconds'],
  combination: ['conditions', 'windowSeconds', 'groupBy'],
  event: ['eventType', 'conditions'],
};
const COMMON_FIELDS: (keyof RuleInput)[] = ['name', 'description', 'severity', 'enabled', 'deviceType', 'buildingId', 'floorId', 'tag'];

/** Form-only fields of the optional action. */
interface ActionFields {
  actionOn?: boolean;
  actionTarget?: string;
  actionCommand?: string;
  actionParams?: string;
}

function actionOf(v: ActionFields): RuleInput['action'] {
  if (!v.actionOn || !v.actionTarget || !v.actionCommand) return null;
  let params: Record<string, unknown>;
  try {
    params = v.actionParams?.trim() ? (JSON.parse(v.actionParams) as Record<string, unknown>) : {};
  } catch {
    params = {};
  }
  return { type: 'command', targetDeviceId: v.actionTarget, command: v.actionCommand.trim(), params };
}

/** The body to send: common fields, the kind's fields, empty scope fields as null. */
export function ruleBody(v: FormValues): Partial<RuleInput> {
  const out: Record<string, unknown> = {};
  for (const k of [...COMMON_FIELDS, ...KIND_FIELDS[v.kind]]) {
    const x = v[k];
    out[k] = x === undefined || x === '' ? null : typeof x === 'string' ? x.trim() : x;
  }
  if (out.enabled === null) out.enabled = true;
  if (out.hysteresis === null) delete out.hysteresis;
  if (out.direction === null) delete out.direction;
  if (out.conditions === null) out.conditions = [];
  out.action = actionOf(v as ActionFields);
  return out as Partial<RuleInput>;
}

/** Create or edit an alarm rule: kind, condition, severity and scope (device type, building, floor, tag). */
export function RuleFormModal({ open, onClose, rule }: RuleFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const parks = useParks();
  const m = useRuleMutations();
  const defaultParkId = rule?.parkId ?? (parks.data?.length === 1 ? parks.data[0].id : undefined);
  const parkId = Form.useWatch('parkId', form) ?? defaultParkId;
  const kind: RuleKind = Form.useWatch('kind', form) ?? rule?.kind ?? 'threshold';
  const isEditing = !!rule;
  const metric: string | undefined = Form.useWatch('metric', form) ?? rule?.metric ?? undefined;
  const metricSpec = metric && Object.hasOwn(METRIC_CATALOG, metric) ? METRIC_CATALOG[metric as MetricName] : undefined;

  const handleSubmit = async (v: FormValues) => {
    const body = ruleBody({ ...v, kind });
    if (rule) return m.update.mutateAsync({ id: rule.id, input: body });
    return m.create.mutateAsync({ ...body, kind, parkId: v.parkId ?? defaultParkId } as RuleInput);
  };

  const [deviceQuery, setDeviceQuery] = useState('');
  const actionOn = Form.useWatch('actionOn' as never, form) as boolean | undefined;
  const targets = useDevices({ page: 1, pageSize: 20, parkId, q: deviceQuery || undefined });
  const initialValues: Partial<FormValues> & ActionFields = rule
    ? {
        ...Object.fromEntries(Object.entries(rule).map(([k, v]) => [k, v ?? undefined])),
        actionOn: !!rule.action,
        actionTarget: rule.action?.targetDeviceId,
        actionCommand: rule.action?.command,
        actionParams: rule.action ? JSON.stringify(rule.action.params) : undefined,
      }
    : {
        parkId: defaultParkId,
        kind: 'threshold',
        severity: 'major',
        enabled: true,
        operator: '>',
        hysteresis: 0,
        direction: 'any',
        groupBy: 'floor',
        windowSeconds: 60,
        conditions: [
          { field: 'smoke', operator: '=', value: 1 },
          { field: 'temperature', operator: '>', value: 60 },
        ],
      };

  return (
    <FormModal<FormValues>
      open={open}
      form={form}
      title={isEditing ? t('rules.edit') : t('rules.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      successMessage={isEditing ? t('common.saved') : t('rules.created')}
      testId="rule-form"
      width={720}
      initialValues={initialValues}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input data-testid="rule-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('rules.kind')} rules={[{ required: true }]}>
            <Select disabled={isEditing} options={RULE_KINDS.map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))} data-testid="rule-form-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="severity" label={t('rules.severity')} rules={[{ required: true }]}>
            <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`rules.severities.${s}`) }))} data-testid="rule-form-severity" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
            <Switch data-testid="rule-form-enabled" />
          </Form.Item>
        </Col>

        {(kind === 'threshold' || kind === 'rate_of_change') && (
          <Col xs={24} sm={12}>
            <Form.Item
              name="metric"
              label={t('rules.metric')}
              rules={[{ required: true }]}
              extra={metricSpec && <span data-testid="rule-form-metric-hint">{t('rules.metricHint', { unit: metricSpec.unit, min: metricSpec.min, max: metricSpec.max })}</span>}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={RULE_METRICS.map((x) => ({ value: x, label: metricName(x) }))} data-testid="rule-form-metric" />
            </Form.Item>
          </Col>
        )}
        {kind === 'threshold' && (
          <>
            <Col xs={8} sm={4}>
              <Form.Item name="operator" label={t('rules.operator')} rules={[{ required: true }]}>
                <Select options={OPERATORS.map((o) => ({ value: o, label: o }))} data-testid="rule-form-operator" />
              </Form.Item>
            </Col>
            <Col xs={16} sm={8}>
              <Form.Item name="value" label={t('rules.value')} rules={[{ required: true }]}>
                <InputNumber style={{ width: '100%' }} data-testid="rule-form-value" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="hysteresis" label={t('rules.hysteresis')} extra={t('rules.hysteresisHint')} rules={[numberRule(t, t('rules.hysteresis'), { min: 0 })]}>
                <InputNumber style={{ width: '100%' }} data-testid="rule-form-hysteresis" />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'rate_of_change' && (
          <>
            <Col xs={12} sm={6}>
              <Form.Item name="delta" label={t('rules.delta')} rules={[{ required: true }, numberRule(t, t('rules.delta'), { min: 0 })]}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="windowSeconds" label={t('rules.windowSeconds')} rules={[{ required: true }, numberRule(t, t('rules.windowSeconds'), { min: 1, max: 86_400 })]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="direction" label={t('rules.direction')}>
                <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`rules.directions.${d}`) }))} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'silent' && (
          <Col xs={24} sm={12}>
            <Form.Item name="silentSeconds" label={t('rules.silentSeconds')} rules={[{ required: true }, numberRule(t, t('rules.silentSeconds'), { min: 1 })]}>
              <InputNumber precision={0} style={{ width: '100%' }} data-testid="rule-form-silent" />
            </Form.Item>
          </Col>
        )}
        {kind === 'combination' && (
          <>
            <Col xs={12} sm={6}>
              <Form.Item name="windowSeconds" label={t('rules.windowSeconds')} rules={[{ required: true }, numberRule(t, t('rules.windowSeconds'), { min: 1, max: 86_400 })]}>
                <InputNumber precision={0} style={{ width: '100%' }} data-testid="rule-form-window" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="groupBy" label={t('rules.groupBy')} rules={[{ required: true }]}>
                <Select options={GROUP_BY.map((g) => ({ value: g, label: t(`rules.groupByOptions.${g}`) }))} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'event' && (
          <Col xs={24} sm={12}>
            <Form.Item name="eventType" label={t('rules.eventType')} extra={t('rules.eventTypeHint')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}>
              <Input data-testid="rule-form-event-type" />
            </Form.Item>
          </Col>
        )}
        {(kind === 'combination' || kind === 'event') && (
          <Col xs={24}>
            <Form.Item label={kind === 'combination' ? t('rules.conditions') : t('rules.attributeConditions')} extra={kind === 'combination' ? t('rules.combinationHint') : t('rules.attributeHint')}>
              <Form.List name="conditions">
                {(fields, { add, remove }) => (
                  <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-form-conditions">
                    {fields.map((f) => (
                      <Space.Compact key={f.key} style={{ width: '100%' }}>
                        <Form.Item name={[f.name, 'field']} noStyle rules={[{ required: true }]}>
                          {kind === 'combination' ? (
                            <Select style={{ width: '45%' }} showSearch={{ optionFilterProp: 'label' }} options={RULE_METRICS.map((x) => ({ value: x, label: metricName(x) }))} />
                          ) : (
                            <Input style={{ width: '45%' }} placeholder="temperature" />
                          )}
                        </Form.Item>
                        <Form.Item name={[f.name, 'operator']} noStyle rules={[{ required: true }]}>
                          <Select style={{ width: '20%' }} options={CONDITION_OPERATORS.map((o) => ({ value: o, label: o }))} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'value']} noStyle rules={[{ required: true }]}>
                          <InputNumber style={{ width: '25%' }} />
                        </Form.Item>
                        <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                      </Space.Compact>
                    ))}
                    {fields.length < 5 && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ operator: '>', value: 0 })} block>
                        {t('rules.addCondition')}
                      </Button>
                    )}
                  </Space>
                )}
              </Form.List>
            </Form.Item>
          </Col>
        )}

        <Col xs={24}>
          <div className="ant-form-item-label" style={{ fontWeight: 600, marginBottom: 8 }}>
            {t('rules.scope')}
          </div>
        </Col>
        <LocationFields
          parkId={parkId}
          isParkLocked={isEditing}
          labelPrefix="rules"
          testId="rule-form"
          afterPark={
            <Col xs={24} sm={12}>
              <Form.Item name="deviceType" label={t('rules.deviceType')}>
                <Select allowClear options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`deviceTypes.${d}`) }))} data-testid="rule-form-device-type" />
              </Form.Item>
            </Col>
          }
        />
        <Col xs={24} sm={12}>
          <Form.Item name="tag" label={t('rules.tag')}>
            <Input maxLength={40} data-testid="rule-form-tag" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('rules.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={'actionOn' as never} label={t('rules.action')} valuePropName="checked" extra={t('rules.actionHint')}>
            <Switch data-testid="rule-form-action" />
          </Form.Item>
        </Col>
        {actionOn && (
          <>
            <Col xs={24} sm={16}>
              <Form.Item name={'actionTarget' as never} label={t('rules.actionTarget')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setDeviceQuery }}
                  loading={targets.isFetching}
                  options={(targets.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
                  data-testid="rule-form-action-target"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={'actionCommand' as never} label={t('rules.actionCommand')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,63}$/ }]}>
                <Input placeholder="open_valve" data-testid="rule-form-action-command" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name={'actionParams' as never}
                label={t('rules.actionParams')}
                rules={[
                  {
                    validator: async (_, v?: string) => {
                      if (!v?.trim()) return;
                      const parsed: unknown = JSON.parse(v);
                      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(t('rules.actionParamsInvalid'));
                    },
                    message: t('rules.actionParamsInvalid'),
                  },
                ]}
              >
                <Input placeholder='{"durationMinutes": 10}' data-testid="rule-form-action-params" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24}>
          <RuleDryRun form={form} toBody={(v) => ({ ...ruleBody({ ...v, kind }), kind, parkId: v.parkId ?? defaultParkId }) as RuleInput} />
        </Col>
      </Row>
    </FormModal>
  );
}
