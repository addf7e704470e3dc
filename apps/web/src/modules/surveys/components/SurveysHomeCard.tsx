import { Button, Typography } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CardState, HomeCard } from '../../member-home/components/HomeCard';
import { useSurveys } from '../hooks/useSurveys';

/** The micro-park home card of enterprise admins: open surveys their enterprise has not answered yet. */
export function SurveysHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useSurveys({ status: 'open' });
  const pending = (query.data ?? []).filter((s) => s.isAnswerable && s.mine.some((m) => !m.hasAnswered));
  return (
    <HomeCard title={t('surveys.home.title')} icon={<LikeOutlined />} to="/surveys" testId="home-surveys">
      <CardState query={{ ...query, data: query.data ? pending : undefined }} isEmpty={(d) => d.length === 0} empty={t('surveys.home.none')}>
        {(d) => (
          <>
            <Typography.Text>{t('surveys.home.pending', { count: d.length })}</Typography.Text>
            {d.slice(0, 2).map((s) => (
              <Typography.Text key={s.id} type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {s.title}
              </Typography.Text>
            ))}
          </>
        )}
      </CardState>
      <Button type="primary" block onClick={() => void navigate(pending.length === 1 ? `/surveys/${pending[0].id}` : '/surveys')} style={{ marginTop: 8 }} data-testid="home-surveys-go" disabled={!pending.length}>
        {t('surveys.home.go')}
      </Button>
    </HomeCard>
  );
}
