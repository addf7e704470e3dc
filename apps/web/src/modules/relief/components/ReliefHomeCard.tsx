import { Button, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CardState, HomeCard } from '../../member-home/components/HomeCard';
import { useProgrammes } from '../hooks/useRelief';

/** The micro-park entry to rent relief for enterprise admins: how many programmes are open, and the way in. */
export function ReliefHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useProgrammes({ status: 'open' });
  return (
    <HomeCard title={t('relief.home.title')} icon={<SafetyOutlined />} to="/relief" testId="home-relief">
      <CardState query={query} isEmpty={(d) => d.items.length === 0} empty={t('relief.home.none')}>
        {(d) => (
          <>
            <Typography.Text>{t('relief.home.open', { count: d.total })}</Typography.Text>
            {d.items.slice(0, 2).map((p) => (
              <Typography.Text key={p.id} type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {p.name}
              </Typography.Text>
            ))}
          </>
        )}
      </CardState>
      <Button type="primary" block onClick={() => void navigate('/relief')} style={{ marginTop: 8 }} data-testid="home-relief-go">
        {t('relief.home.go')}
      </Button>
    </HomeCard>
  );
}
