import { useState } from 'react';
import { Empty, Flex, Pagination, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEWS_CATEGORIES, type NewsCategory } from '../modules/news/api/news.api';
import { ArticleCard } from '../modules/news/components/ArticleCard';
import { useNewsFeed } from '../modules/news/hooks/useNews';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const PAGE_SIZE = 10;

/** The member's news feed: articles for their place, pinned first, newest first. */
export function NewsFeedPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [category, setCategory] = useState<NewsCategory | 'all'>('all');
  const feed = useNewsFeed({ page, pageSize: PAGE_SIZE, category: category === 'all' ? undefined : category });
  return (
    <div className="news-feed">
      <PageHeader title={t('news.feedTitle')} crumbs={[{ title: t('news.nav') }]} />
      <div className="news-feed__filter">
        <Segmented
          value={category}
          onChange={(v) => {
            setCategory(v as NewsCategory | 'all');
            setPage(1);
          }}
          options={[{ value: 'all', label: t('news.allCategories') }, ...NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.categories.${c}`) }))]}
        />
      </div>
      <QueryBoundary query={feed}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('news.emptyFeed')} />
          ) : (
            <Flex vertical gap={10} data-testid="news-feed">
              {data.items.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
              {data.total > PAGE_SIZE && <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />}
            </Flex>
          )
        }
      </QueryBoundary>
    </div>
  );
}
