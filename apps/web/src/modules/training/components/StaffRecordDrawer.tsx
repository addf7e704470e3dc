import { Descriptions, Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shanghaiDateTime } from '../utils/dates';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { useIsMobile } from '../../../ui/useIsMobile';
import type { StaffRecordRow } from '../api/training.api';
import { useStaffDetail } from '../hooks/useTraining';
import { PassedTag } from './TrainingTags';

/** A staff member's training record: every session they were invited to, with attendance, score and result. */
export function StaffRecordDrawer({ staffId, onClose }: { staffId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const detail = useStaffDetail(staffId);
  return (
    <Drawer open={!!staffId} onClose={onClose} width={isMobile ? '100%' : 640} title={detail.data ? `${detail.data.name} · ${t('training.staff.record')}` : t('training.staff.record')} destroyOnHidden>
      <QueryBoundary query={detail} isCard={false}>
        {(d) => (
          <div data-testid="training-staff-record">
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('training.fields.company')}>{d.propertyCompanyName}</Descriptions.Item>
              <Descriptions.Item label={t('training.fields.post')}>{t(`training.posts.${d.post}`)}</Descriptions.Item>
              {d.phone && <Descriptions.Item label={t('training.fields.phone')}>{d.phone}</Descriptions.Item>}
            </Descriptions>
            <Typography.Paragraph strong>{t('training.staff.totals', { ...d.totals })}</Typography.Paragraph>
            <Table<StaffRecordRow>
              rowKey="sessionId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={d.record}
              locale={{ emptyText: t('training.staff.recordEmpty') }}
              columns={[
                { title: t('training.fields.title'), key: 'title', render: (_, r) => <Link to={`/training/sessions/${r.sessionId}`}>{r.title}</Link> },
                { title: t('training.fields.when'), key: 'when', render: (_, r) => shanghaiDateTime(r.startsAt) },
                { title: t('training.fields.hours'), dataIndex: 'hours', align: 'right' },
                { title: t('training.fields.attendance'), key: 'att', render: (_, r) => (!r.isRecorded || r.attended === null ? t('training.session.notRecorded') : r.attended ? t('training.session.present') : t('training.session.absent')) },
                { title: t('training.fields.score'), key: 'score', align: 'right', render: (_, r) => r.score ?? '—' },
                { title: t('training.fields.result'), key: 'passed', render: (_, r) => <PassedTag passed={r.passed} /> },
              ]}
            />
          </div>
        )}
      </QueryBoundary>
    </Drawer>
  );
}
