import { CopyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import type { Scheme } from '../modules/evaluation/api/evaluation.api';
import { SchemeFormModal } from '../modules/evaluation/components/SchemeFormModal';
import { useActivateScheme, useCopyScheme, useSchemes } from '../modules/evaluation/hooks/useEvaluation';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Operators' evaluation schemes (考核方案): build, activate, copy as a new version. */
export function EvaluationSchemesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schemes = useSchemes();
  const activate = useActivateScheme();
  const copy = useCopyScheme();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<Scheme | null>(null);
  return (
    <div>
      <PageHeader
        title={t('evaluation.schemes.title')}
        subtitle={t('evaluation.schemes.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="eval-new-scheme">
            {t('evaluation.schemes.new')}
          </Button>
        }
      />
      <QueryBoundary query={schemes}>
        {(rows) => (
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Scheme>
              rowKey="id"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('evaluation.schemes.empty') }}
              columns={[
                { title: t('evaluation.schemes.name'), dataIndex: 'name', render: (v: string, s) => <span data-testid={`eval-scheme-row-${s.id}`}>{v}</span> },
                { title: t('evaluation.schemes.periodKind'), dataIndex: 'periodKind', render: (k: Scheme['periodKind']) => t(`evaluation.periodKinds.${k}`) },
                { title: '', dataIndex: 'version', render: (v: number) => t('evaluation.schemes.version', { version: v }) },
                { title: t('evaluation.schemes.indicators'), render: (_, s) => s.indicators.map((i) => `${i.name} ${i.weight}`).join(' · ') },
                { title: t('evaluation.schemes.status'), dataIndex: 'status', render: (v: Scheme['status']) => <Tag color={v === 'active' ? 'green' : v === 'draft' ? 'blue' : undefined}>{t(`evaluation.schemeStatus.${v}`)}</Tag> },
                {
                  title: '',
                  render: (_, s) => (
                    <Space wrap>
                      <Tooltip title={s.isLocked ? t('evaluation.schemes.locked') : undefined}>
                        <Button size="small" icon={<EditOutlined />} disabled={s.isLocked || s.status === 'archived'} onClick={() => setEditing(s)} data-testid={`eval-scheme-edit-${s.id}`}>
                          {t('evaluation.schemes.edit')}
                        </Button>
                      </Tooltip>
                      {s.status === 'draft' && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => activate.mutate(s.id, { onSuccess: () => void message.success(t('evaluation.schemes.activated')), onError: (e) => void message.error(errorMessage(e)) })}
                          data-testid={`eval-scheme-activate-${s.id}`}
                        >
                          {t('evaluation.schemes.activate')}
                        </Button>
                      )}
                      <Button size="small" icon={<CopyOutlined />} onClick={() => copy.mutate(s.id, { onSuccess: () => void message.success(t('evaluation.schemes.copied')), onError: (e) => void message.error(errorMessage(e)) })}>
                        {t('evaluation.schemes.copy')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryBoundary>
      {isCreating && <SchemeFormModal open onClose={() => setIsCreating(false)} />}
      {editing && <SchemeFormModal key={editing.id} open scheme={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
