import { Button, Flex, List, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CardState, HomeCard } from '../../member-home/components/HomeCard';
import { localName } from '../../approvals/utils/names';
import { useServiceRequests } from '../hooks/useServices';
import { RequestStatusTag } from './RequestStatusTag';

/** The members' home entry to the service catalog (服务), with my latest requests. */
export function ServicesHomeCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useServiceRequests({ scope: 'mine', page: 1, pageSize: 3 });
  return (
    <HomeCard title={t('services.home.title')} icon={<AppstoreOutlined />} to="/services/requests" testId="home-services">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('services.home.subtitle')}
      </Typography.Paragraph>
      <CardState query={query} isEmpty={(d) => d.items.length === 0} empty={t('services.home.empty')}>
        {(d) => (
          <List
            size="small"
            dataSource={d.items}
            renderItem={(r) => (
              <List.Item key={r.id} style={{ padding: '8px 0' }}>
                <Link to={`/services/requests/${r.id}`} style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text ellipsis>{localName(r.service, i18n.language)}</Typography.Text>
                    <span style={{ flex: 'none' }}>
                      <RequestStatusTag status={r.status} />
                    </span>
                  </Flex>
                </Link>
              </List.Item>
            )}
          />
        )}
      </CardState>
      <Button type="primary" icon={<AppstoreOutlined />} block onClick={() => void navigate('/services')} style={{ marginTop: 8 }} data-testid="home-services-catalog">
        {t('services.home.catalog')}
      </Button>
    </HomeCard>
  );
}
