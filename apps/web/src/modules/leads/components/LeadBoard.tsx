import { useState } from 'react';
import { App, Badge, Empty, Typography } from 'antd';
import { LEAD_STAGES, type LeadStage } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import type { Lead } from '../api/leads.api';
import { useLeadMutations } from '../hooks/useLeads';
import { STAGE_COLORS } from '../utils/stage-colors';
import { LeadCard } from './LeadCard';
import { LeadMoveInModal } from './LeadMoveInModal';

/** The kanban: one column per stage; drop a card on a column to move it. */
export function LeadBoard({ leads }: { leads: Lead[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { move } = useLeadMutations();
  const [dragOver, setDragOver] = useState<LeadStage | null>(null);

  const [movingIn, setMovingIn] = useState<Lead | null>(null);

  // 入驻 needs the credit code, units and rent to create the enterprise and draft leases: ask for them first.
  const handleMove = (lead: Lead, stage: LeadStage) => {
    if (lead.stage === stage) return;
    if (stage === 'moved_in') {
      setMovingIn(lead);
      return;
    }
    move.mutate(
      { id: lead.id, stage },
      {
        onSuccess: () => void message.success(t('leads.moved', { stage: t(`stages.${stage}`) })),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };

  const handleDrop = (stage: LeadStage, id: string) => {
    setDragOver(null);
    const lead = leads.find((l) => l.id === id);
    if (lead) handleMove(lead, stage);
  };

  return (
    <div className="kanban" data-testid="lead-board">
      {LEAD_STAGES.map((stage) => {
        const items = leads.filter((l) => l.stage === stage);
        return (
          <section
            key={stage}
            className={`kanban__column${dragOver === stage ? ' kanban__column--over' : ''}`}
            data-testid={`lead-column-${stage}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragOver(stage);
            }}
            onDragLeave={() => setDragOver((s) => (s === stage ? null : s))}
            onDrop={(e) => {
              e.preventDefault();
              handleDrop(stage, e.dataTransfer.getData('text/lead-id'));
            }}
          >
            <header className="kanban__header" style={{ borderTopColor: STAGE_COLORS[stage] }}>
              <Typography.Text strong>{t(`stages.${stage}`)}</Typography.Text>
              <Badge count={items.length} showZero color={STAGE_COLORS[stage]} />
            </header>
            <div className="kanban__cards">
              {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leads.emptyColumn')} /> : items.map((l) => <LeadCard key={l.id} lead={l} onMove={handleMove} />)}
            </div>
          </section>
        );
      })}
      <LeadMoveInModal lead={movingIn} onClose={() => setMovingIn(null)} />
    </div>
  );
}
