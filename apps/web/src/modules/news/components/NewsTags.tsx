import { Tag } from 'antd';
import { PushpinFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Article } from '../api/news.api';

const CATEGORY_COLORS: Record<Article['category'], string> = { notice: 'orange', policy: 'blue', event: 'green', service: 'cyan', industry: 'purple' };

/** The category of an article as a coloured tag. */
export function CategoryTag({ category }: { category: Article['category'] }) {
  const { t } = useTranslation();
  return <Tag color={CATEGORY_COLORS[category]}>{t(`news.categories.${category}`)}</Tag>;
}

/** A "pinned" marker. */
export function PinnedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<PushpinFilled />} data-testid="news-pinned">
      {t('news.pinned')}
    </Tag>
  );
}

/** Where an article stands: draft, scheduled, live or withdrawn. */
export function StatusTag({ article }: { article: Pick<Article, 'status' | 'isLive'> }) {
  const { t } = useTranslation();
  if (article.status === 'published') return article.isLive ? <Tag color="success">{t('news.status.live')}</Tag> : <Tag color="processing">{t('news.status.scheduled')}</Tag>;
  return <Tag color={article.status === 'draft' ? 'default' : 'warning'}>{t(`news.status.${article.status}`)}</Tag>;
}
