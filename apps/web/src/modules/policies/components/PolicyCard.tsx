import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Policy } from '../api/policies.api';
import { PolicyStatusTag, useAmountText } from './PolicyTags';

/** A policy in the enterprise's list: amount, deadline and whether the enterprise may apply. */
export function PolicyCard({ policy: p }: { policy: Policy }) {
  const { t } = useTranslation();
  const amountText = useAmountText();
  return (
    <Link to={`/policies/${p.id}`} data-testid={`policy-card-${p.id}`}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{p.title}</Typography.Text>
          <Typography.Text type="secondary">{p.issuer}</Typography.Text>
          <Space wrap size={4}>
            <PolicyStatusTag status={p.status} />
            <Tag color="gold">{amountText(p)}</Tag>
            {p.myApplicationId ? <Tag color="blue">{t('policies.list.applied')}</Tag> : p.eligibility && <Tag color={p.eligibility.isEligible ? 'green' : 'orange'}>{p.eligibility.isEligible ? t('policies.list.eligible') : t('policies.list.notEligible')}</Tag>}
          </Space>
          <Typography.Text type="secondary">{t('policies.list.deadline', { date: formatDate(p.deadline) })}</Typography.Text>
          {p.summary && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {p.summary}
            </Typography.Paragraph>
          )}
        </Space>
      </Card>
    </Link>
  );
}
