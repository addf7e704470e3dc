import { useState } from 'react';
import { App, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { commandsOf, DEVICE_COMMANDS, type CommandStatus, type DeviceCommand, type DeviceCommandName } from '../api/commands.api';
import type { Device } from '../api/devices.api';
import { useDeviceCommands, useIssueCommand } from '../hooks/useDeviceCommands';

const statusColor: Record<CommandStatus, string> = { pending: 'default', sent: 'processing', acknowledged: 'success', failed: 'error', timed_out: 'warning' };
const paramLabel: Record<string, 'deviceOps.commands.duration' | 'deviceOps.commands.level' | 'deviceOps.commands.setpoint'> = {
  durationMinutes: 'deviceOps.commands.duration',
  level: 'deviceOps.commands.level',
  setpoint: 'deviceOps.commands.setpoint',
};

/** Send a command to an actuator and follow it: pending → sent → acknowledged / failed / timed out. */
export function DeviceCommandsCard({ device }: { device: Device }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const available = commandsOf(device.type);
  const [command, setCommand] = useState<DeviceCommandName | undefined>(available[0]);
  const [params, setParams] = useState<Record<string, number | null>>({});
  const list = useDeviceCommands(device.id);
  const issue = useIssueCommand(device.id);
  if (available.length === 0) return null;
  const specs = command ? DEVICE_COMMANDS[command].params : [];

  const send = () => {
    if (!command) return;
    const given = Object.fromEntries(Object.entries(params).filter(([k, v]) => v !== null && specs.some((p) => p.name === k))) as Record<string, number>;
    issue
      .mutateAsync({ command, params: given })
      .then(() => void message.success(t('deviceOps.commands.sent')))
      .catch((e: unknown) => void message.error(errorMessage(e)));
  };

  return (
    <Card title={t('deviceOps.commands.title')} data-testid="device-commands">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<DeviceCommandName>
          aria-label={t('deviceOps.commands.command')}
          style={{ minWidth: 180 }}
          value={command}
          onChange={(v) => {
            setCommand(v);
            setParams({});
          }}
          options={available.map((c) => ({ value: c, label: t(`deviceOps.commands.names.${c}`) }))}
          data-testid="device-command-select"
        />
        {specs.map((p) => (
          <InputNumber
            key={p.name}
            min={p.min}
            max={p.max}
            precision={'integer' in p && p.integer ? 0 : 1}
            placeholder={`${paramLabel[p.name] ? t(paramLabel[p.name]) : p.name}${'default' in p ? ` (${p.default})` : ''}`}
            value={params[p.name] ?? null}
            onChange={(v) => setParams((cur) => ({ ...cur, [p.name]: v }))}
            style={{ width: 160 }}
            data-testid={`device-command-param-${p.name}`}
          />
        ))}
        <Button type="primary" icon={<SendOutlined />} loading={issue.isPending} onClick={send} data-testid="device-command-send">
          {t('deviceOps.commands.send')}
        </Button>
      </Space>
      <Table<DeviceCommand>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        scroll={{ x: 860 }}
        data-testid="device-command-list"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deviceOps.commands.empty')} /> }}
        columns={[
          {
            title: t('deviceOps.commands.command'),
            dataIndex: 'command',
            render: (c: DeviceCommandName, r) => (
              <>
                {t(`deviceOps.commands.names.${c}`)}
                {Object.keys(r.params).length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {Object.entries(r.params)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(', ')}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('deviceOps.commands.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: CommandStatus) => (
              <Tag color={statusColor[s]} data-testid={`device-command-status-${s}`}>
                {t(`deviceOps.commands.statuses.${s}`)}
              </Tag>
            ),
          },
          { title: t('deviceOps.commands.attempts'), width: 90, render: (_: unknown, r) => `${r.attempts}/${r.maxAttempts}` },
          { title: t('deviceOps.commands.issuedBy'), width: 100, render: (_: unknown, r) => (r.issuedBy.kind === 'rule' ? t('deviceOps.commands.byRule') : t('deviceOps.commands.byUser')) },
          { title: t('deviceOps.commands.issuedAt'), dataIndex: 'issuedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('deviceOps.commands.detail'), dataIndex: 'detail', width: 200, render: (v: string | null) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v ?? '—'}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
