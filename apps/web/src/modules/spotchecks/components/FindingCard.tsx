import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useSession } from '../../auth/hooks/useSession';
import type { Finding } from '../api/spotchecks.api';
import { useOverturn, useRespond, useVerify } from '../hooks/useSpotChecks';
import { PhotoStrip } from './PhotoStrip';
import { PhotoUpload } from './PhotoUpload';
import { FindingStatusTag, SeverityTag } from './SpotTags';

type Dialog = 'respond' | 'reject' | 'overturn' | null;

/** One finding with what was done about it, and the step the signed-in user may take next. */
export function FindingCard({ finding: f }: { finding: Finding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { permissions: p } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ text: string }>();
  const [fileIds, setFileIds] = useState<string[]>([]);
  const respond = useRespond();
  const verify = useVerify();
  const overturn = useOverturn();
  const canRespond = p.isProperty && f.status === 'open';
  const canVerify = (p.isOperator || p.isInspector) && f.status === 'responded';
  const canOverturn = p.isOperator && f.status !== 'overturned';
  const done = (key: string) => () => {
    void message.success(t(key));
    setDialog(null);
    form.resetFields();
    setFileIds([]);
  };
  const submit = async () => {
    const { text } = await form.validateFields();
    const onError = (e: unknown) => {
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    };
    if (dialog === 'respond') respond.mutate({ id: f.id, response: text, fileIds }, { onSuccess: done('spotChecks.findings.responded'), onError });
    if (dialog === 'reject') verify.mutate({ id: f.id, accepted: false, note: text }, { onSuccess: done('spotChecks.findings.rejected'), onError });
    if (dialog === 'overturn') overturn.mutate({ id: f.id, reason: text }, { onSuccess: done('spotChecks.findings.overturned'), onError });
  };
  const dialogTitle = dialog === 'respond' ? t('spotChecks.findings.respondTitle') : dialog === 'reject' ? t('spotChecks.findings.rejectTitle') : t('spotChecks.findings.overturnTitle');
  const dialogLabel = dialog === 'respond' ? t('spotChecks.fields.response') : dialog === 'reject' ? t('spotChecks.fields.verifyNote') : t('spotChecks.fields.overturnReason');
  return (
    <Card size="small" data-testid={`spot-finding-${f.id}`}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Space wrap size={4}>
          <SeverityTag severity={f.severity} />
          <FindingStatusTag status={f.status} isOverdue={f.isOverdue} />
        </Space>
        <Typography.Text type={f.isOverdue ? 'danger' : 'secondary'}>{t('spotChecks.findings.deadlineOn', { date: f.deadline })}</Typography.Text>
      </Flex>
      <Typography.Paragraph strong style={{ margin: '8px 0' }}>
        {f.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} colon items={[
        { key: 'd', label: t('spotChecks.fields.district'), children: `${f.districtName}${f.propertyCompanyName ? ` · ${f.propertyCompanyName}` : ''}` },
        { key: 'a', label: t('spotChecks.fields.area'), children: f.area },
        { key: 't', label: t('spotChecks.fields.checkedAt'), children: formatDateTime(f.checkedAt) },
      ]} />
      <PhotoStrip photos={f.photos} />
      {f.verifyNote && f.status === 'open' && f.rejections > 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
          {t('spotChecks.findings.rejections', { count: f.rejections })} · {t('spotChecks.findings.labelled', { label: t('spotChecks.findings.lastReject'), text: f.verifyNote })}
        </Typography.Paragraph>
      )}
      {f.response && f.status !== 'open' && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('spotChecks.findings.respondedAt', { at: formatDateTime(f.respondedAt) })}</Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0' }}>{f.response}</Typography.Paragraph>
          <PhotoStrip photos={f.responsePhotos} />
        </div>
      )}
      {f.status === 'closed' && f.verifyNote && <Typography.Paragraph type="success" style={{ marginTop: 8 }}>{t('spotChecks.findings.labelled', { label: t('spotChecks.fields.verifyNote'), text: f.verifyNote })}</Typography.Paragraph>}
      {f.status === 'overturned' && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('spotChecks.findings.labelled', { label: t('spotChecks.fields.overturnReason'), text: f.overturnReason })}</Typography.Paragraph>}
      {(canRespond || canVerify || canOverturn) && (
        <Space wrap style={{ marginTop: 8 }}>
          {canRespond && (
            <Button type="primary" onClick={() => setDialog('respond')} data-testid="spot-respond">
              {t('spotChecks.findings.respond')}
            </Button>
          )}
          {canVerify && (
            <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate({ id: f.id, accepted: true }, { onSuccess: done('spotChecks.findings.accepted'), onError: (e) => void message.error(errorMessage(e)) })} data-testid="spot-accept">
              {t('spotChecks.findings.accept')}
            </Button>
          )}
          {canVerify && (
            <Button danger onClick={() => setDialog('reject')} data-testid="spot-reject">
              {t('spotChecks.findings.reject')}
            </Button>
          )}
          {canOverturn && (
            <Button type="link" onClick={() => setDialog('overturn')} data-testid="spot-overturn">
              {t('spotChecks.findings.overturn')}
            </Button>
          )}
        </Space>
      )}
      <Modal open={dialog !== null} title={dialogTitle} onCancel={() => setDialog(null)} onOk={() => void submit()} confirmLoading={respond.isPending || verify.isPending || overturn.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'spot-dialog-ok' } as never}>
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={dialogLabel} rules={[{ required: true, whitespace: true, message: dialogLabel }]}>
            <Input.TextArea rows={3} maxLength={dialog === 'respond' ? 2000 : 1000} data-testid="spot-dialog-text" />
          </Form.Item>
          {dialog === 'respond' && (
            <Form.Item label={t('spotChecks.fields.responsePhotos')}>
              <PhotoUpload onChange={setFileIds} testId="spot-response-upload" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
