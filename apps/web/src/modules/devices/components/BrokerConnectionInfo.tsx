import { Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../ui/useIsMobile';
import { useBrokerInfo } from '../hooks/useBrokerInfo';

/** Where a device connects and which topics it uses, from the server's configuration (for installers). */
export function BrokerConnectionInfo({ code }: { code: string }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { data: info, isLoading } = useBrokerInfo();
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!info) return null;
  const host = info.host ?? window.location.hostname;
  const topic = (pattern: string) => pattern.replace('{code}', code);
  const mqttUrl = info.mqtt.port ? `mqtt://${host}:${info.mqtt.port}` : null;
  const wsUrl = info.websocket.url ?? (info.websocket.port ? `ws://${host}:${info.websocket.port}${info.websocket.path}` : null);
  return (
    <Descriptions size="small" column={1} bordered layout={isMobile ? 'vertical' : 'horizontal'} data-testid="broker-info">
      <Descriptions.Item label={t('deviceOps.broker.mode')}>{t(`deviceOps.broker.modes.${info.mode}`)}</Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.mqtt')}>
        {mqttUrl ? (
          <Typography.Text code copyable data-testid="broker-mqtt-url">
            {mqttUrl}
          </Typography.Text>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.websocket')}>
        {wsUrl ? (
          <Typography.Text code copyable data-testid="broker-ws-url">
            {wsUrl}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('deviceOps.broker.off')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.protocol')}>
        <span data-testid="broker-mqtt-version">{info.mqttVersions ? t('deviceOps.broker.protocolEmbedded') : t('deviceOps.broker.protocolExternal')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.username')}>
        <Typography.Text code copyable>
          {code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.publish')}>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {topic(info.topics.telemetry)}
        </Typography.Text>
        <br />
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {topic(info.topics.events)}
        </Typography.Text>
        <br />
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {topic(info.topics.commandAcks)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.subscribe')}>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {topic(info.topics.commands)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('deviceOps.broker.limits')}>
        {t('deviceOps.broker.limitsText', { rate: info.deviceRatePerSecond, burst: info.deviceBurst, kb: Math.round(info.maxPayloadBytes / 1024) })}
      </Descriptions.Item>
    </Descriptions>
  );
}
