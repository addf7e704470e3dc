import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../ui/useIsMobile';
import type { DeviceCredentials } from '../api/devices.api';
import { BrokerConnectionInfo } from './BrokerConnectionInfo';

/** The one showing of a new device secret, with copy buttons and how to connect over MQTT. */
export function DeviceSecretModal({ credentials, onClose }: { credentials: DeviceCredentials | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const layout = isMobile ? 'vertical' : 'horizontal';
  const example = JSON.stringify({ metric: 'temperature', value: 22.5 });
  return (
    <Modal open={!!credentials} title={t('devices.secretTitle')} onCancel={onClose} onOk={onClose} okText={t('common.close')} cancelButtonProps={{ style: { display: 'none' } }} width={640} destroyOnHidden maskClosable={false}>
      {credentials && (
        <>
          <Alert type="warning" showIcon message={t('devices.secretOnce')} style={{ marginBottom: 16 }} />
          <Descriptions size="small" column={1} bordered layout={layout}>
            <Descriptions.Item label={t('devices.secret')}>
              <Typography.Text code copyable={{ text: credentials.secret }} style={{ wordBreak: 'break-all' }} data-testid="device-secret">
                {credentials.secret}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('devices.mqttHint')}
          </Typography.Title>
          <div data-testid="device-mqtt-hint">
            <BrokerConnectionInfo code={credentials.username} />
          </div>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('devices.payloadExample')}: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{example}</Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
