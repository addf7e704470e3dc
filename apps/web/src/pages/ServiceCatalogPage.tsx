import { Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { SERVICE_SYSTEMS } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatFen } from '../lib/format';
import { localName } from '../modules/approvals/utils/names';
import type { ServiceOffering } from '../modules/services/api/services.api';
import { useServiceList } from '../modules/services/hooks/useServices';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One service of the catalog: what it is, who handles it, how fast, what it costs, and the way in. */
function ServiceCard({ s }: { s: ServiceOffering }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const isZh = i18n.language.startsWith('zh');
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`catalog-service-${s.id}`}>
      <Flex vertical gap={6} style={{ height: '100%' }}>
        <Typography.Text strong>{localName(s, i18n.language)}</Typography.Text>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
          {isZh ? s.descriptionZh : s.descriptionEn}
        </Typography.Paragraph>
        <Space wrap size={4}>
          {s.kind !== 'request' && <Tag color="purple">{t(`services.kinds.${s.kind}`)}</Tag>}
          {s.kind === 'request' && <Tag>{t('services.catalog.sla', { hours: s.slaHours })}</Tag>}
          {s.kind === 'request' && <Tag color={s.feeFen ? 'gold' : 'green'}>{s.feeFen ? t('services.catalog.fee', { fee: formatFen(s.feeFen) }) : t('services.catalog.free')}</Tag>}
          {s.applicants === 'admins' && s.kind === 'request' && <Tag>{t('services.catalog.adminsOnly')}</Tag>}
        </Space>
        {s.handlerName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('services.catalog.handler', { name: s.handlerName })}
          </Typography.Text>
        )}
        <div style={{ marginTop: 'auto' }}>
          {s.kind === 'request' ? (
            <Button type="primary" block disabled={!s.canApply} onClick={() => void navigate(`/services/${s.id}/apply`)} data-testid="catalog-apply">
              {t('services.catalog.apply')}
            </Button>
          ) : (
            <Button block onClick={() => void navigate(s.link ?? '/services')} data-testid="catalog-open">
              {t('services.catalog.open')} <RightOutlined />
            </Button>
          )}
        </div>
      </Flex>
    </Card>
  );
}

/** The service catalog (企业服务) for enterprises, grouped by the eight service systems. Phone first. */
export function ServiceCatalogPage() {
  const { t } = useTranslation();
  const list = useServiceList('catalog');
  return (
    <div>
      <PageHeader
        title={t('services.catalog.title')}
        subtitle={t('services.catalog.subtitle')}
        extra={
          <Link to="/services/requests">
            <Button icon={<UnorderedListOutlined />}>{t('services.catalog.myRequests')}</Button>
          </Link>
        }
      />
      <QueryBoundary query={list} isCard={false}>
        {(data) => (
          <Flex vertical gap={16}>
            {SERVICE_SYSTEMS.map((system) => {
              const items = data.items.filter((s) => s.system === system);
              return (
                <section key={system} data-testid={`catalog-system-${system}`}>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t(`services.systems.${system}`)}
                  </Typography.Title>
                  {items.length === 0 ? (
                    <Typography.Text type="secondary">{t('services.catalog.empty')}</Typography.Text>
                  ) : (
                    <Row gutter={[12, 12]}>
                      {items.map((s) => (
                        <Col key={s.id} xs={24} sm={12} xl={8}>
                          <ServiceCard s={s} />
                        </Col>
                      ))}
                    </Row>
                  )}
                </section>
              );
            })}
          </Flex>
        )}
      </QueryBoundary>
    </div>
  );
}
