import { useState } from 'react';
import { App, Button, Card, Space, Table } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFen } from '../lib/format';
import { errorMessage } from '../lib/form-errors';
import type { Programme } from '../modules/relief/api/relief.api';
import { ProgrammeFormModal } from '../modules/relief/components/ProgrammeFormModal';
import { ProgrammeStatusTag, reliefText } from '../modules/relief/components/ReliefTags';
import { useProgrammes, useUpdateProgramme } from '../modules/relief/hooks/useRelief';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Operators' relief programmes: create, open, close, and on to each one's dashboard. */
export function ReliefProgrammesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<Programme | null>(null);
  const programmes = useProgrammes();
  const update = useUpdateProgramme();
  const setStatus = (p: Programme, status: 'open' | 'closed') =>
    update.mutate({ id: p.id, input: { status } }, { onSuccess: () => void message.success(t(status === 'open' ? 'relief.programmes.opened' : 'relief.programmes.closed')), onError: (e) => void message.error(errorMessage(e)) });
  return (
    <div>
      <PageHeader
        title={t('relief.programmes.title')}
        subtitle={t('relief.programmes.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="relief-new-programme">
            {t('relief.programmes.new')}
          </Button>
        }
      />
      <QueryBoundary query={programmes}>
        {(page) => (
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Programme>
              rowKey="id"
              dataSource={page.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('relief.programmes.empty') }}
              columns={[
                { title: t('relief.fields.name'), dataIndex: 'name', render: (v: string, p) => <Link to={`/relief/programmes/${p.id}`}>{v}</Link> },
                { title: t('relief.fields.period'), render: (_, p) => `${p.fromPeriod} ~ ${p.toPeriod}` },
                { title: t('relief.fields.relief'), render: (_, p) => reliefText(t, p) },
                { title: t('relief.fields.budget'), dataIndex: 'budgetFen', align: 'right', render: (v: number) => `¥${formatFen(v)}` },
                { title: t('relief.fields.granted'), dataIndex: 'grantedFen', align: 'right', render: (v: number) => `¥${formatFen(v)}` },
                { title: t('relief.fields.status'), dataIndex: 'status', render: (s: Programme['status']) => <ProgrammeStatusTag status={s} /> },
                {
                  title: '',
                  render: (_, p) => (
                    <Space>
                      {p.status === 'draft' && (
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={`relief-edit-${p.id}`}>
                          {t('relief.programmes.edit')}
                        </Button>
                      )}
                      {p.status === 'draft' && (
                        <Button size="small" type="primary" onClick={() => setStatus(p, 'open')} data-testid={`relief-open-${p.id}`}>
                          {t('relief.programmes.open')}
                        </Button>
                      )}
                      {p.status === 'open' && (
                        <Button size="small" onClick={() => setStatus(p, 'closed')}>
                          {t('relief.programmes.close')}
                        </Button>
                      )}
                      <Link to={`/relief/programmes/${p.id}`}>{t('relief.programmes.dashboard')}</Link>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </QueryBoundary>
      <ProgrammeFormModal open={isCreating} onClose={() => setIsCreating(false)} />
      {editing && <ProgrammeFormModal key={editing.id} open programme={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
