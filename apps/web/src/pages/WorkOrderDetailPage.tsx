import { Card, Col, Descriptions, Flex, Rate, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { CommentBox } from '../modules/workorders/components/CommentBox';
import { DecisionCard } from '../modules/workorders/components/DecisionCard';
import { PhotoGrid } from '../modules/workorders/components/PhotoGrid';
import { SlaTag } from '../modules/workorders/components/SlaTag';
import { StatusTag } from '../modules/workorders/components/StatusTag';
import { WorkOrderActions } from '../modules/workorders/components/WorkOrderActions';
import { WorkOrderTimeline } from '../modules/workorders/components/WorkOrderTimeline';
import { useWorkOrder } from '../modules/workorders/hooks/useWorkOrders';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One work order: facts, actions for the caller, photos, timeline, comments, decision explanation. */
export function WorkOrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useWorkOrder(id);
  return (
    <QueryBoundary query={query}>
      {(o) => (
        <>
          <PageHeader title={`#${o.number} ${o.title}`} crumbs={[{ title: t('workorders.nav.list'), to: '/work-orders' }, { title: `#${o.number}` }]} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Card>
                <Flex gap={6} wrap style={{ marginBottom: 12 }}>
                  <StatusTag status={o.status} />
                  <SlaTag status={o.slaStatus} />
                  <Tag>{t(`workorders.category.${o.category}`)}</Tag>
                  <Tag color={o.priority === 'urgent' ? 'red' : o.priority === 'high' ? 'orange' : undefined}>{t(`workorders.priority.${o.priority}`)}</Tag>
                  {o.escalationLevel > 0 && <Tag color="red">{t('workorders.escalated')}</Tag>}
                  {o.cancelledAt && <Tag data-testid="wo-cancelled-tag">{t('memberApp.repair.cancelledTag')}</Tag>}
                </Flex>
                {o.description && <Typography.Paragraph>{o.description}</Typography.Paragraph>}
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  <Descriptions.Item label={t('workorders.fields.source')}>{t(`workorders.source.${o.source}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('workorders.fields.team')}>
                    <span data-testid="wo-team">{o.teamName ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('workorders.fields.location')}>{[o.districtName, o.buildingName, o.locationText].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('workorders.fields.requester')}>{o.requesterName}</Descriptions.Item>
                  <Descriptions.Item label={t('workorders.fields.responseDue')}>{formatDateTime(o.responseDueAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('workorders.fields.resolutionDue')}>{formatDateTime(o.resolutionDueAt)}</Descriptions.Item>
                  {o.rating !== null && (
                    <Descriptions.Item label={t('workorders.fields.rating')}>
                      <Rate disabled value={o.rating} style={{ fontSize: 14 }} /> {o.ratingComment}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <div style={{ marginTop: 12 }}>
                  <WorkOrderActions order={o} />
                </div>
                {o.attachments.length > 0 && (
                  <div style={{ marginTop: 16 }}>
                    <PhotoGrid photos={o.attachments} />
                  </div>
                )}
              </Card>
              <Card title={t('workorders.timeline')} style={{ marginTop: 16 }}>
                <WorkOrderTimeline events={o.events} />
                <CommentBox orderId={o.id} />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <DecisionCard state={o.dispatchState} decision={o.decision} deviceType={o.deviceType} />
            </Col>
          </Row>
        </>
      )}
    </QueryBoundary>
  );
}
