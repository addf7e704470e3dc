import { useState } from 'react';
import { Button, Card, Col, Input, Row, Statistic, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../lib/format';
import { LeadBoard } from '../modules/leads/components/LeadBoard';
import { LeadFormModal } from '../modules/leads/components/LeadFormModal';
import { LeadFunnelChart } from '../modules/leads/components/LeadFunnelChart';
import { useLeadFunnel, useLeads } from '../modules/leads/hooks/useLeads';
import { useParks } from '../modules/parks/hooks/useParks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The attraction pipeline: funnel figures and a kanban of leads. */
export function LeadsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const [isCreating, setIsCreating] = useState(false);
  const parks = useParks();
  const leads = useLeads({ q });
  const funnel = useLeadFunnel();
  return (
    <>
      <PageHeader
        title={t('leads.title')}
        crumbs={[{ title: t('nav.leads') }]}
        extra={
          <>
            <Input.Search allowClear placeholder={t('leads.searchPlaceholder')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 220 }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="lead-new">
              {t('leads.new')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('leads.funnel')} size="small">
            <QueryBoundary query={funnel} isCard={false}>
              {(f) => (
                <Row gutter={[16, 8]} align="middle">
                  <Col xs={24} md={8}>
                    <Row gutter={[8, 16]}>
                      <Col span={12}>
                        <Statistic title={t('leads.total')} value={f.total} />
                      </Col>
                      <Col span={12}>
                        <Statistic title={t('leads.overallConversion')} value={formatPercent(f.overallConversion)} />
                      </Col>
                      {f.current.map((c) => (
                        <Col span={8} key={c.stage}>
                          <Statistic title={t(`stages.${c.stage}`)} value={c.count} valueStyle={{ fontSize: 18 }} />
                        </Col>
                      ))}
                    </Row>
                  </Col>
                  <Col xs={24} md={16}>
                    <LeadFunnelChart funnel={f} height={230} />
                  </Col>
                </Row>
              )}
            </QueryBoundary>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('leads.board')} size="small" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('leads.dragHint')}</Typography.Text>}>
            <QueryBoundary query={leads} isCard={false}>
              {(list) => <LeadBoard leads={list} />}
            </QueryBoundary>
          </Card>
        </Col>
      </Row>
      <LeadFormModal open={isCreating} onClose={() => setIsCreating(false)} parks={parks.data ?? []} />
    </>
  );
}
