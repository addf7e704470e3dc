import { useState } from 'react';
import { Alert, App, Button, Empty, Table, Tooltip, Typography, type FormInstance } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { dryRunRule, type DryRunResult, type Episode, type RuleInput } from '../api/rules.api';
import { alarmText } from '../../../lib/coded-text';

interface RuleDryRunProps {
  form: FormInstance<RuleInput>;
  /** Builds the body from the form values (the same the save sends). */
  toBody: (values: RuleInput) => RuleInput;
}

/** A 24-hour strip with one bar per episode (red while firing). */
function Timeline({ result }: { result: DryRunResult }) {
  const from = Date.parse(result.from);
  const span = Date.parse(result.to) - from;
  const pct = (ts: number) => `${Math.max(0, Math.min(100, ((ts - from) / span) * 100))}%`;
  const labels = [...new Set(result.episodes.map((e) => e.label))].slice(0, 8);
  return (
    <div data-testid="rule-dry-run-timeline" style={{ marginBottom: 12 }}>
      {labels.map((label) => (
        <div key={label} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
          <Typography.Text ellipsis style={{ width: 110, fontSize: 12 }}>
            {label}
          </Typography.Text>
          <div style={{ position: 'relative', flex: 1, height: 14, background: '#f0f2f5', borderRadius: 3 }}>
            {result.episodes
              .filter((e) => e.label === label)
              .map((e) => {
                const start = Date.parse(e.firedAt);
                const end = e.clearedAt ? Date.parse(e.clearedAt) : Date.parse(result.to);
                return (
                  <Tooltip key={e.firedAt} title={`${dayjs(e.firedAt).format('MM-DD HH:mm')} → ${e.clearedAt ? dayjs(e.clearedAt).format('MM-DD HH:mm') : '…'} · ${alarmText(e)}`}>
                    <div style={{ position: 'absolute', left: pct(start), width: `max(3px, calc(${pct(end)} - ${pct(start)}))`, top: 0, bottom: 0, background: '#cf1322', borderRadius: 3 }} />
                  </Tooltip>
                );
              })}
          </div>
        </div>
      ))}
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 11, color: '#8c8c8c', marginLeft: 118 }}>
        <span>{dayjs(result.from).format('MM-DD HH:mm')}</span>
        <span>{dayjs(result.to).format('MM-DD HH:mm')}</span>
      </div>
    </div>
  );
}

/** Dry run inside the rule form: replays the rule as filled in over the last day and shows when it would have fired and cleared. */
export function RuleDryRun({ form, toBody }: RuleDryRunProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [result, setResult] = useState<DryRunResult | undefined>();
  const [isRunning, setIsRunning] = useState(false);

  const run = async () => {
    let values: RuleInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setIsRunning(true);
    try {
      setResult(await dryRunRule(toBody(values)));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setIsRunning(false);
    }
  };

  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Button icon={<ExperimentOutlined />} onClick={() => void run()} loading={isRunning} data-testid="rule-dry-run">
        {t('rules.dryRun')}
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t('rules.dryRunHint')}
      </Typography.Text>
      {result && (
        <div style={{ marginTop: 12 }} data-testid="rule-dry-run-result">
          <Alert
            type={result.episodes.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={t('rules.dryRunSummary', { episodes: result.episodes.length, devices: result.devices, readings: result.readings, events: result.events })}
            description={result.truncated ? t('rules.dryRunTruncated') : undefined}
          />
          {result.episodes.length > 0 ? (
            <>
              <Timeline result={result} />
              <Table<Episode>
                size="small"
                rowKey={(e) => `${e.subjectId}-${e.firedAt}`}
                dataSource={result.episodes}
                pagination={{ pageSize: 5, size: 'small' }}
                scroll={{ x: 560 }}
                columns={[
                  { title: t('rules.subject'), dataIndex: 'label', width: 140, ellipsis: true },
                  { title: t('rules.firedAt'), dataIndex: 'firedAt', width: 110, render: (v: string) => dayjs(v).format('MM-DD HH:mm:ss') },
                  { title: t('rules.clearedAt'), dataIndex: 'clearedAt', width: 110, render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm:ss') : t('rules.stillFiring')) },
                  { title: t('rules.count'), dataIndex: 'count', width: 60 },
                  { title: t('rules.message'), dataIndex: 'message', ellipsis: true, render: (_: string, e: Episode) => alarmText(e) },
                ]}
              />
            </>
          ) : (
            <Empty description={t('rules.dryRunNone')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </div>
      )}
    </div>
  );
}
