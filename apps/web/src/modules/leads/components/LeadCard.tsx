import { Card, Flex, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { LEAD_STAGES, type LeadStage } from '@parkos/contracts';
import { BankOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../api/leads.api';

/** One lead on the kanban: draggable, with a stage selector for touch screens; once moved in, a link to its enterprise. */
export function LeadCard({ lead, onMove }: { lead: Lead; onMove: (lead: Lead, stage: LeadStage) => void }) {
  const { t } = useTranslation();
  const handleMove = (stage: LeadStage) => onMove(lead, stage);
  return (
    <Card
      size="small"
      className="lead-card"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/lead-id', lead.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="lead-card"
    >
      <Typography.Text strong ellipsis={{ tooltip: lead.companyName }} style={{ display: 'block' }}>
        {lead.companyName}
      </Typography.Text>
      <Flex gap={4} wrap style={{ margin: '6px 0' }}>
        <Tag>{t(`industries.${lead.industry}`)}</Tag>
        {lead.expectedArea !== null && <Tag color="blue">{Math.round(lead.expectedArea)} m²</Tag>}
      </Flex>
      {lead.contactName && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          <UserOutlined /> {lead.contactName}
          {lead.contactPhone && (
            <>
              {'  '}
              <PhoneOutlined /> {lead.contactPhone}
            </>
          )}
        </Typography.Text>
      )}
      {lead.enterpriseId && (
        <Link to={`/enterprises/${lead.enterpriseId}`} style={{ display: 'block', fontSize: 12, marginTop: 4 }} data-testid="lead-enterprise-link">
          <BankOutlined /> {t('homes.moveIn.enterprise')}
        </Link>
      )}
      <Select<LeadStage>
        size="small"
        value={lead.stage}
        onChange={handleMove}
        style={{ width: '100%', marginTop: 8 }}
        aria-label={t('leads.moveTo')}
        options={LEAD_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        data-testid="lead-stage-select"
      />
    </Card>
  );
}
