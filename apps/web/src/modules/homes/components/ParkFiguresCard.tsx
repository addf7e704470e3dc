import { Card, Col, List, Progress, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatArea, formatPercent } from '../../../lib/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { findParkFigures } from '../api/homes.api';

/** The alliance's view: each member park's public figures, as a list that reads on a phone too. */
export function ParkFiguresCard() {
  const { t } = useTranslation();
  const figures = useQuery({ queryKey: ['park-figures'], queryFn: findParkFigures });
  return (
    <Card title={t('homes.cards.alliance.title')} size="small" data-testid="home-card-alliance">
      <Typography.Paragraph type="secondary">{t('homes.cards.alliance.text')}</Typography.Paragraph>
      <QueryBoundary query={figures} isCard={false}>
        {(rows) => (
          <List
            dataSource={rows}
            locale={{ emptyText: t('homes.cards.alliance.empty') }}
            renderItem={(p) => (
              <List.Item data-testid="park-figures-row">
                <div style={{ width: '100%' }}>
                  <Typography.Text strong data-user-content>
                    {p.name}
                  </Typography.Text>
                  {p.city && (
                    <Typography.Text type="secondary" data-user-content>
                      {' '}
                      · {p.city}
                    </Typography.Text>
                  )}
                  <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
                    <Col xs={8}>
                      <Statistic title={t('homes.cards.alliance.enterprises')} value={p.enterprises} valueStyle={{ fontSize: 18 }} />
                    </Col>
                    <Col xs={8}>
                      <Statistic title={t('homes.cards.alliance.buildings')} value={p.buildings} valueStyle={{ fontSize: 18 }} />
                    </Col>
                    <Col xs={8}>
                      <Statistic title={t('homes.cards.alliance.area')} value={formatArea(p.area)} valueStyle={{ fontSize: 18 }} />
                    </Col>
                  </Row>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('homes.cards.alliance.occupancy')} {formatPercent(p.occupancy)}
                  </Typography.Text>
                  <Progress percent={Math.round(p.occupancy * 1000) / 10} showInfo={false} size="small" />
                </div>
              </List.Item>
            )}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
