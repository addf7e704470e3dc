import { App, Card, Flex, Select, Tag, Typography } from 'antd';
import { LEAD_STAGES, type LeadStage } from '@parkos/contracts';
import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import type { Lead } from '../api/leads.api';
import { useLeadMutations } from '../hooks/useLeads';

/** One lead on the kanban: draggable, with a stage selector for touch screens. */
export function LeadCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { move } = useLeadMutations();
  const handleMove = (stage: LeadStage) => {
    move.mutate(
      { id: lead.id, stage },
      {
        onSuccess: () => void message.success(t('leads.moved', { stage: t(`stages.${stage}`) })),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };
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
