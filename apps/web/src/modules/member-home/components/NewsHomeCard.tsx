import { Flex, List, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { CategoryTag, PinnedTag } from '../../news/components/NewsTags';
import { useNewsFeed } from '../../news/hooks/useNews';
import { CardState, HomeCard } from './HomeCard';

/** The three newest articles for my place; the feed puts pinned ones first. */
export function NewsHomeCard() {
  const { t } = useTranslation();
  const query = useNewsFeed({ page: 1, pageSize: 3 });
  return (
    <HomeCard title={t('memberHome.news.title')} icon={<NotificationOutlined />} to="/news" testId="home-news">
      <CardState query={query} isEmpty={(d) => d.items.length === 0} empty={t('memberHome.news.empty')}>
        {(d) => (
          <List
            size="small"
            split
            dataSource={d.items}
            renderItem={(a) => (
              <List.Item key={a.id} style={{ padding: '8px 0' }} data-testid="home-news-item">
                <Link to={`/news/${a.id}`} style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {a.title}
                  </Typography.Text>
                  <Flex gap={4} align="center" wrap style={{ marginTop: 4 }}>
                    {a.pinned && <PinnedTag />}
                    <CategoryTag category={a.category} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDate(a.publishAt ?? a.createdAt)}
                    </Typography.Text>
                  </Flex>
                </Link>
              </List.Item>
            )}
          />
        )}
      </CardState>
    </HomeCard>
  );
}
