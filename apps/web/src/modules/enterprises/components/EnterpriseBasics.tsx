import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { EnterpriseProfile } from '../api/enterprises.api';

/** Basics and contacts of an enterprise profile. */
export function EnterpriseBasics({ enterprise }: { enterprise: EnterpriseProfile }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Card title={t('enterprises.basics')} data-testid="enterprise-basics">
        <Descriptions column={{ xs: 1, sm: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('enterprises.creditCode')}>
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{enterprise.creditCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.industry')}>{t(`industries.${enterprise.industry}`)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.size')}>{t(`sizes.${enterprise.size}`)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.park')}>{enterprise.parkName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.site')}>{enterprise.siteName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.status')}>
            <Tag color={enterprise.status === 'active' ? 'success' : 'default'}>{t(`enterpriseStatus.${enterprise.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.employeeCount')}>{enterprise.employeeCount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.movedInAt')}>{formatDate(enterprise.movedInAt)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.members')}>
            {t('enterprises.memberCount')} {enterprise.memberCount} · {t('enterprises.adminCount')} {enterprise.adminCount}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.businessScope')} span="filled">
            {enterprise.businessScope ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('enterprises.contacts')}>
        <Descriptions column={{ xs: 1, sm: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('enterprises.contactName')}>{enterprise.contactName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.contactPhone')}>{enterprise.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.contactEmail')}>{enterprise.contactEmail ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
