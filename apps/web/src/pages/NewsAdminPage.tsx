import { useState } from 'react';
import { App, Button, DatePicker, Flex, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined, PushpinOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { getArticle, type Article, type ArticleDetail, type NewsStatus } from '../modules/news/api/news.api';
import { ArticleFormDrawer } from '../modules/news/components/ArticleFormDrawer';
import { CategoryTag, PinnedTag, StatusTag } from '../modules/news/components/NewsTags';
import { useManagedArticles, useNewsMutations } from '../modules/news/hooks/useNews';
import { useIsMobile } from '../ui/useIsMobile';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Operators manage news: write, edit, publish or schedule, pin and withdraw articles, and see read counts. */
export function NewsAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NewsStatus>();
  const [q, setQ] = useState<string>();
  const [editing, setEditing] = useState<ArticleDetail | 'new' | null>(null);
  const [scheduling, setScheduling] = useState<Article | null>(null);
  const [scheduleAt, setScheduleAt] = useState<Dayjs | null>(null);
  const list = useManagedArticles({ page, pageSize: 20, status, q });
  const { publish, unpublish, pin } = useNewsMutations();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const openEditor = async (id: string) => {
    try {
      setEditing(await getArticle(id));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('news.adminTitle')}
        crumbs={[{ title: t('news.navAdmin') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="news-new">
            {t('news.new')}
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('news.searchPlaceholder')} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} style={{ width: 220 }} />
        <Select
          aria-label={t('news.filterStatus')}
          allowClear
          placeholder={t('news.filterStatus')}
          value={status}
          onChange={(v) => { setStatus(v); setPage(1); }}
          style={{ width: 160 }}
          options={(['draft', 'published', 'unpublished'] as const).map((s) => ({ value: s, label: t(`news.status.${s}`) }))}
        />
      </Flex>
      <QueryBoundary query={list}>
        {(data) => (
          <Table<Article>
            rowKey="id"
            size="small"
            dataSource={data.items}
            scroll={{ x: isMobile ? 900 : undefined }}
            pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage, showSizeChanger: false }}
            data-testid="news-table"
            columns={[
              {
                title: t('news.fields.title'),
                dataIndex: 'title',
                width: isMobile ? 200 : undefined,
                render: (title: string, a) => (
                  <Space size={4} wrap>
                    {a.pinned && <PinnedTag />}
                    <Typography.Link onClick={() => void openEditor(a.id)}>{title}</Typography.Link>
                  </Space>
                ),
              },
              { title: t('news.fields.category'), dataIndex: 'category', width: 100, render: (c: Article['category']) => <CategoryTag category={c} /> },
              { title: t('news.fields.target'), width: 110, render: (_v, a) => t(`news.targets.${a.target.type}`) + (a.target.industry ? ` · ${t(`industries.${a.target.industry}`)}` : '') },
              { title: t('news.fields.status'), width: 90, render: (_v, a) => <StatusTag article={a} /> },
              { title: t('news.fields.publishAt'), dataIndex: 'publishAt', width: 140, render: (v: string | null) => formatDateTime(v) },
              { title: t('news.fields.readCount'), dataIndex: 'readCount', width: 80, align: 'right' },
              {
                title: t('common.actions'),
                width: 220,
                render: (_v, a) => (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => void openEditor(a.id)}>
                      {t('common.edit')}
                    </Button>
                    {a.status !== 'published' ? (
                      <Button type="link" size="small" onClick={() => void run(() => publish.mutateAsync({ id: a.id }), t('news.publishedNow'))} data-testid="news-publish">
                        {t('news.publish')}
                      </Button>
                    ) : (
                      <Popconfirm title={t('news.unpublishConfirm')} onConfirm={() => run(() => unpublish.mutateAsync(a.id), t('news.unpublished'))}>
                        <Button type="link" size="small" danger>
                          {t('news.unpublish')}
                        </Button>
                      </Popconfirm>
                    )}
                    <Button type="link" size="small" onClick={() => { setScheduling(a); setScheduleAt(null); }}>
                      {t('news.schedule')}
                    </Button>
                    <Button type="link" size="small" icon={<PushpinOutlined />} onClick={() => void run(() => pin.mutateAsync({ id: a.id, pinned: !a.pinned }), a.pinned ? t('news.unpinnedDone') : t('news.pinnedDone'))}>
                      {a.pinned ? t('news.unpin') : t('news.pin')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      <ArticleFormDrawer open={editing !== null} onClose={() => setEditing(null)} article={editing === 'new' || editing === null ? undefined : editing} />
      <Modal
        open={scheduling !== null}
        title={t('news.scheduleTitle', { title: scheduling?.title ?? '' })}
        onCancel={() => setScheduling(null)}
        okButtonProps={{ disabled: !scheduleAt }}
        onOk={() => {
          const a = scheduling;
          if (!a || !scheduleAt) return;
          void run(() => publish.mutateAsync({ id: a.id, publishAt: scheduleAt.toISOString() }), t('news.scheduled')).then(() => setScheduling(null));
        }}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={scheduleAt} onChange={setScheduleAt} style={{ width: '100%' }} />
      </Modal>
    </>
  );
}
