import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import type { Application } from '../api/policies.api';
import { useAdvisorCandidates, useAssignAdvisor, useComment } from '../hooks/usePolicies';

/** One-to-one guidance: the assigned advisor (operators assign) and the thread between enterprise and advisor. */
export function AdvisorThread({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [advisorId, setAdvisorId] = useState<string | undefined>(undefined);
  const candidates = useAdvisorCandidates(a.id, a.can.assignAdvisor);
  const assign = useAssignAdvisor();
  const comment = useComment();

  const handleSend = () =>
    comment.mutate(
      { id: a.id, text: text.trim() },
      { onSuccess: () => setText(''), onError: (e) => void message.error(errorMessage(e)) },
    );
  const handleAssign = () =>
    advisorId &&
    assign.mutate({ id: a.id, advisorId }, { onSuccess: () => void message.success(t('policies.thread.assigned')), onError: (e) => void message.error(errorMessage(e)) });

  return (
    <Card size="small" title={t('policies.thread.title')} data-testid="advisor-thread">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="advisor-name">
          {t('policies.thread.advisor')}: {a.advisor ? a.advisor.displayName : t('policies.thread.noAdvisor')}
        </Typography.Text>
        {a.can.assignAdvisor && (
          <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
            <Select
              style={{ flex: 1 }}
              placeholder={t('policies.thread.pickAdvisor')}
              value={advisorId}
              onChange={setAdvisorId}
              loading={candidates.isLoading}
              options={(candidates.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              data-testid="advisor-select"
            />
            <Button onClick={handleAssign} disabled={!advisorId} loading={assign.isPending}>
              {t('policies.thread.assign')}
            </Button>
          </Space.Compact>
        )}
        {a.comments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.thread.empty')} />
        ) : (
          <List
            size="small"
            dataSource={a.comments}
            renderItem={(c) => (
              <List.Item data-testid="thread-message">
                <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{c.author.displayName}</Typography.Text>
                    {c.isAdvisor && <Tag color="blue">{t('policies.thread.advisorTag')}</Tag>}
                    <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
                  </Space>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Paragraph>
                </Space>
              </List.Item>
            )}
          />
        )}
        {a.can.comment && (
          <Space.Compact style={{ width: '100%' }}>
            <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('policies.thread.placeholder')} maxLength={2000} onPressEnter={() => text.trim() && handleSend()} data-testid="thread-input" />
            <Button type="primary" onClick={handleSend} disabled={!text.trim()} loading={comment.isPending}>
              {t('policies.thread.send')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
