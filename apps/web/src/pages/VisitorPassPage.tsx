import { Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { LanguageSwitch } from '../modules/layout/components/LanguageSwitch';
import { PassQrCode } from '../modules/passes/components/PassQrCode';
import { PassStatusTag } from '../modules/passes/components/PassStatusTag';
import { useVisitorPass } from '../modules/passes/hooks/usePasses';

/** The visitor's pass, opened from the invitation link: no account, phone first. */
export function VisitorPassPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const query = useVisitorPass(token);
  useDocumentTitle(t('passesEvents.pass.visitorTitle'));
  return (
    <div className="visitor-pass" style={{ maxWidth: 420, margin: '0 auto', padding: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }} data-testid="page-title">
          {t('passesEvents.pass.visitorTitle')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      {query.isPending && <Spin />}
      {query.isError && <Result status="warning" title={t('passesEvents.pass.visitorNotFound')} />}
      {query.data && (
        <Card data-testid="visitor-pass">
          <Flex vertical align="center" gap={12}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('passesEvents.pass.visitorHello', { name: query.data.visitorName })}
            </Typography.Title>
            {query.data.qr ? <PassQrCode text={query.data.qr.text} /> : <Result status="error" title={t('passesEvents.pass.visitorInvalid')} />}
            <PassStatusTag status={query.data.status} />
            <Descriptions column={1} size="small" style={{ width: '100%' }}>
              <Descriptions.Item label={t('passesEvents.pass.visitorPark')}>{query.data.parkName}</Descriptions.Item>
              <Descriptions.Item label={t('passesEvents.pass.visitorHost')}>{query.data.enterpriseName}</Descriptions.Item>
              {query.data.purpose && <Descriptions.Item label={t('passesEvents.pass.purpose')}>{query.data.purpose}</Descriptions.Item>}
              {query.data.visitorPlate && (
                <Descriptions.Item label={t('memberApp.visitor.plate')}>
                  <span data-testid="visitor-plate">{query.data.visitorPlate}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('passesEvents.pass.window')}>
                {formatDateTime(query.data.validFrom)} – {formatDateTime(query.data.validTo)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('passesEvents.pass.offlineHint')}
            </Typography.Text>
          </Flex>
        </Card>
      )}
    </div>
  );
}
