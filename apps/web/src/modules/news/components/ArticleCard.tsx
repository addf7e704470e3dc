import '../news.css';
import { Card, Flex, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { Article } from '../api/news.api';
import { CategoryTag, PinnedTag } from './NewsTags';

/** One article of the feed: cover, title, summary, time and readers. Phone-first. */
export function ArticleCard({ article }: { article: Article }) {
  const { t } = useTranslation();
  return (
    <Link to={`/news/${article.id}`} className="news-card-link" data-testid="news-card">
      <Card size="small" hoverable className="news-card">
        <Flex gap={12} align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Flex gap={4} wrap style={{ marginBottom: 4 }}>
              {article.pinned && <PinnedTag />}
              <CategoryTag category={article.category} />
            </Flex>
            <Typography.Text strong className="news-card__title" data-testid="news-card-title">
              {article.title}
            </Typography.Text>
            {article.summary && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 13 }}>
                {article.summary}
              </Typography.Paragraph>
            )}
            <Flex gap={12} style={{ marginTop: 6, fontSize: 12 }}>
              <Typography.Text type="secondary">{formatDateTime(article.publishAt)}</Typography.Text>
              <Typography.Text type="secondary">
                <EyeOutlined /> {t('news.readers', { count: article.readCount })}
              </Typography.Text>
            </Flex>
          </div>
          {article.coverUrl && <img src={article.coverUrl} alt="" className="news-card__cover" />}
        </Flex>
      </Card>
    </Link>
  );
}
