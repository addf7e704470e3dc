import { useState } from 'react';
import { App, Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { dispatchWorkOrder, getWorkOrder, WORK_ORDER_CATEGORIES, type Team, type WorkOrder, type WorkOrderCategory } from '../api/workorders.api';
import { useQuery } from '@tanstack/react-query';
import { useWorkOrderMutation } from '../hooks/useWorkOrders';

/** One triage row's decision: category and team preset from the prediction; confirm or correct. */
export function TriageDispatch({ order, teams }: { order: WorkOrder; teams: Team[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The prediction (including the team the model would pick) is in the order's decision.
  const detail = useQuery({ queryKey: ['work-orders', order.id], queryFn: () => getWorkOrder(order.id) });
  const predictedTeam = detail.data?.decision?.teamId ?? detail.data?.decision?.modelTeamId ?? undefined;
  const [category, setCategory] = useState<WorkOrderCategory>(order.category);
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const chosenTeam = teamId ?? predictedTeam;
  const mutation = useWorkOrderMutation((v: { teamId: string; category: WorkOrderCategory }) => dispatchWorkOrder(order.id, v));
  return (
    <Flex gap={6} wrap>
      <Select value={category} onChange={setCategory} style={{ width: 110 }} options={WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} data-testid="triage-category" />
      <Select aria-label={t('workorders.fields.team')} value={chosenTeam} onChange={setTeamId} style={{ width: 180 }} placeholder={t('workorders.fields.team')} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} data-testid="triage-team" />
      <Button
        type="primary"
        disabled={!chosenTeam}
        loading={mutation.isPending}
        data-testid="triage-confirm"
        onClick={() => mutation.mutate({ teamId: chosenTeam!, category }, { onSuccess: () => void message.success(t('workorders.triage.dispatched')), onError: (e) => void message.error(e.message) })}
      >
        {t('workorders.triage.confirm')}
      </Button>
    </Flex>
  );
}
