import '../modules/news/news.css';
import { useEffect, useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { CategoryTag, PinnedTag } from '../modules/news/components/NewsTags';
import { useFeedArticle, useMarkRead } from '../modules/news/hooks/useNews';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One article: cover, title, body; opening it counts the reader (once per person). */
export function NewsArticlePage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const article = useFeedArticle(id);
  const markRead = useMarkRead();
  const [readCount, setReadCount] = useState<number>();
  const { mutate } = markRead;

  useEffect(() => {
    if (id && article.data) mutate(id, { onSuccess: (r) => setReadCount(r.readCount) });
  }, [id, article.data, mutate]);

  return (
    <div className="news-article">
      <PageHeader title={article.data?.title ?? t('news.article')} crumbs={[{ title: t('news.nav'), to: '/news' }, { title: t('news.article') }]} />
      <QueryBoundary query={article}>
        {(a) => (
          <Card size="small">
            {a.coverUrl && <img src={a.coverUrl} alt="" className="news-article__cover" data-testid="news-article-cover" />}
            <Flex gap={8} wrap align="center" style={{ margin: '8px 0' }}>
              {a.pinned && <PinnedTag />}
              <CategoryTag category={a.category} />
              <Typography.Text type="secondary">{formatDateTime(a.publishAt)}</Typography.Text>
              <Typography.Text type="secondary" data-testid="news-read-count">
                <EyeOutlined /> {t('news.readers', { count: readCount ?? a.readCount })}
              </Typography.Text>
            </Flex>
            {a.summary && <Typography.Paragraph type="secondary">{a.summary}</Typography.Paragraph>}
            {/* Sanitized on the server with an allow-list (sanitize-html) before it was stored. */}
            <div className="news-body" data-testid="news-article-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          </Card>
        )}
      </QueryBoundary>
    </div>
  );
}
