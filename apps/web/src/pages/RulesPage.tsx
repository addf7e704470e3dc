import { useState } from 'react';
import { Button, Card, Flex, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RULE_KINDS, type AlarmRule, type RuleKind } from '../modules/rules/api/rules.api';
import { RuleFormModal } from '../modules/rules/components/RuleFormModal';
import { RuleTable } from '../modules/rules/components/RuleTable';
import { useRules } from '../modules/rules/hooks/useRules';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** Alarm rules (告警规则): list with filters kept in the URL, create, edit, enable/disable. */
export function RulesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<AlarmRule | 'new' | undefined>();
  const filter = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
    kind: (params.get('kind') as RuleKind | null) ?? undefined,
    enabled: (params.get('enabled') as 'true' | 'false' | null) ?? undefined,
  };
  const list = useRules(filter);
  const update = (next: Record<string, string | number | undefined>) => {
    const merged = { ...filter, ...next };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && String(v) !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) p.set(k, String(v));
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        crumbs={[{ title: t('rules.nav') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-new">
            {t('rules.new')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('rules.kind')}
            allowClear
            placeholder={t('rules.kind')}
            style={{ minWidth: 160 }}
            value={filter.kind}
            onChange={(v: RuleKind | undefined) => update({ kind: v, page: 1 })}
            options={RULE_KINDS.map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))}
          />
          <Select
            aria-label={t('rules.enabled')}
            allowClear
            placeholder={t('rules.enabled')}
            style={{ minWidth: 140 }}
            value={filter.enabled}
            onChange={(v: string | undefined) => update({ enabled: v, page: 1 })}
            options={[
              { value: 'true', label: t('rules.enabledOnly') },
              { value: 'false', label: t('rules.disabledOnly') },
            ]}
          />
        </Flex>
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <RuleTable data={list.data} isLoading={list.isFetching} onEdit={(r) => setEditing(r)} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        )}
      </Card>
      <RuleFormModal open={!!editing} rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} key={editing === 'new' ? 'new' : editing?.id} />
    </>
  );
}
