import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../ui/useIsMobile';
import { errorMessage } from '../../../lib/form-errors';
import type { Device, DeviceCredentials } from '../api/devices.api';
import { useDeviceMutations } from '../hooks/useDevice';
import { telemetryTopicOf } from '../utils/device-code';
import { BrokerConnectionInfo } from './BrokerConnectionInfo';
import { DeviceSecretModal } from './DeviceSecretModal';

const credentialColor = { none: 'default', active: 'success', revoked: 'error' } as const;

/** The device's MQTT credentials: state, rotate (secret shown once) and revoke. */
export function DeviceCredentialsCard({ device }: { device: Device }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useDeviceMutations();
  const [issued, setIssued] = useState<DeviceCredentials | null>(null);
  const isMobile = useIsMobile();

  const handleRotate = () =>
    m.rotate
      .mutateAsync(device.id)
      .then(setIssued)
      .catch((e: unknown) => void message.error(errorMessage(e)));
  const handleRevoke = () =>
    m.revoke
      .mutateAsync(device.id)
      .then(() => void message.success(t('devices.revoked')))
      .catch((e: unknown) => void message.error(errorMessage(e)));

  return (
    <Card title={t('devices.credentials')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Popconfirm title={t('devices.rotateConfirm')} onConfirm={handleRotate} disabled={device.credentials === 'none'} okButtonProps={{ 'data-testid': 'device-rotate-confirm' } as ButtonProps}>
          <Button
            type="primary"
            icon={<KeyOutlined />}
            loading={m.rotate.isPending}
            onClick={device.credentials === 'none' ? () => void handleRotate() : undefined}
            data-testid="device-rotate"
          >
            {t('devices.rotate')}
          </Button>
        </Popconfirm>
        {device.credentials === 'active' && (
          <Popconfirm title={t('devices.revokeConfirm')} onConfirm={handleRevoke}>
            <Button danger icon={<StopOutlined />} loading={m.revoke.isPending} data-testid="device-revoke">
              {t('devices.revoke')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Descriptions size="small" column={1} bordered layout={isMobile ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('devices.credentials')}>
          <Tag color={credentialColor[device.credentials]} data-testid="device-credentials-state">
            {t(`devices.credentialState.${device.credentials}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('devices.username')}>
          <Typography.Text code>{device.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('devices.topic')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{telemetryTopicOf(device.code)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('devices.rotatedAt')}>{formatDateTime(device.secretRotatedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('deviceOps.broker.title')}
      </Typography.Title>
      <BrokerConnectionInfo code={device.code} />
      <DeviceSecretModal credentials={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
