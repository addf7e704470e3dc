import { Alert, Button, Descriptions, Flex, List, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDateTime } from '../../../lib/format';
import { bundleUrlOf } from '../api/ledger.api';
import { useEntryVerification } from '../hooks/useEntryVerification';

/** The browser's own verdict on one audit entry: each check with ✓/✗, the entry, the signed head, the bundle. */
export function EntryVerification({ auditId }: { auditId: number }) {
  const { t } = useTranslation();
  const v = useEntryVerification(auditId);
  if (v.isPending) return <Spin data-testid="ledger-verifying" />;
  if (v.isError) return <ErrorState error={v.error} onRetry={() => void v.refetch()} />;
  const { entry, result } = v.data;
  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="ledger-verification">
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        data-testid={result.ok ? 'ledger-verified' : 'ledger-failed'}
        message={result.ok ? t('ledger.verified') : t('ledger.notVerified')}
        description={t(result.ok ? 'ledger.verifiedText' : 'ledger.notVerifiedText', { index: entry.leafIndex, size: entry.treeHead.treeSize })}
      />
      <List
        size="small"
        bordered
        dataSource={result.steps}
        renderItem={(s) => (
          <List.Item data-testid={`ledger-step-${s.key}`} data-ok={String(s.ok)}>
            <Space align="start">
              {s.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />}
              <div>
                <div>{t(`ledger.steps.${s.key}`)}</div>
                <Typography.Text type="secondary" code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {s.detail}
                </Typography.Text>
              </div>
            </Space>
          </List.Item>
        )}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('ledger.auditId')}>{entry.auditId}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.leafIndex')}>{entry.leafIndex}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.treeSize')}>{entry.treeHead.treeSize}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.root')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{entry.treeHead.rootHash}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.signedAt')}>{formatDateTime(entry.treeHead.timestamp)}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.keyId')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>{entry.treeHead.keyId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.proofLength')}>{entry.inclusionProof.length}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('ledger.entry')}</Typography.Text>
      <pre className="ledger-entry" style={{ maxHeight: 220, overflow: 'auto', background: '#f6f8fb', padding: 12, borderRadius: 6, fontSize: 12, margin: 0 }}>
        {JSON.stringify(entry.entry.json, null, 2)}
      </pre>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={bundleUrlOf(entry.auditId)} download={`parkos-ledger-entry-${entry.auditId}.json`} data-testid="ledger-bundle">
          {t('ledger.downloadBundle')}
        </Button>
        <Typography.Text type="secondary">{t('ledger.bundleHint', { file: `parkos-ledger-entry-${entry.auditId}.json` })}</Typography.Text>
      </Space>
    </Flex>
  );
}
