import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { LedgerPublicKey, TreeHead } from '../modules/ledger/api/ledger.api';
import { BundleCheck } from '../modules/ledger/components/BundleCheck';
import { EntryVerification } from '../modules/ledger/components/EntryVerification';
import { useCreateHead, useLedgerOverview } from '../modules/ledger/hooks/useLedgerOverview';
import { fromBase64, sthSigningInput } from '../modules/ledger/utils/verify-entry';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** Checks a head's signature with WebCrypto against the published key; null while checking. */
function useHeadSignatureCheck(head: TreeHead | undefined, key: LedgerPublicKey | undefined): boolean | null {
  const [result, setResult] = useState<{ id: string; ok: boolean } | null>(null);
  const id = head && key ? `${head.treeSize}:${head.signature}:${key.keyId}` : '';
  useEffect(() => {
    if (!head || !key) return;
    let isCurrent = true;
    void (async () => {
      let ok: boolean;
      try {
        const publicKey = await crypto.subtle.importKey('spki', fromBase64(key.publicKeySpki), { name: 'Ed25519' }, false, ['verify']);
        ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64(head.signature), sthSigningInput(head, fromBase64(head.rootHash)));
      } catch {
        ok = false;
      }
      if (isCurrent) setResult({ id, ok });
    })();
    return () => {
      isCurrent = false;
    };
  }, [head, key, id]);
  return result && result.id === id ? result.ok : null;
}

/** The tamper-evident ledger: latest signed tree head, the public key, and entry verification in the browser. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { latest, heads, key } = useLedgerOverview();
  const sign = useCreateHead();
  const [auditIdInput, setAuditIdInput] = useState<number | null>(null);
  const [auditId, setAuditId] = useState<number | null>(null);
  const isSignatureValid = useHeadSignatureCheck(latest.data, key.data);

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        subtitle={t('ledger.subtitle')}
        crumbs={[{ title: t('nav.ledger') }]}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={sign.isPending}
            data-testid="ledger-sign"
            onClick={() => sign.mutate(undefined, { onSuccess: (h) => void message.success(t('ledger.signed', { size: h.treeSize })) })}
          >
            {t('ledger.signNow')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.latestHead')} data-testid="ledger-latest">
            {latest.isError ? (
              <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
            ) : (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('ledger.treeSize')}>{latest.data?.treeSize ?? '…'}</Descriptions.Item>
                <Descriptions.Item label={t('ledger.root')}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{latest.data?.rootHash ?? ''}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.signedAt')}>{formatDateTime(latest.data?.timestamp)}</Descriptions.Item>
                <Descriptions.Item label={t('ledger.signature')}>
                  <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>{latest.data?.signature ?? ''}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('ledger.browserCheck')}>
                  {isSignatureValid === null ? (
                    '…'
                  ) : isSignatureValid ? (
                    <Tag icon={<CheckCircleFilled />} color="success" data-testid="ledger-head-valid">{t('ledger.signatureValid')}</Tag>
                  ) : (
                    <Tag icon={<CloseCircleFilled />} color="error" data-testid="ledger-head-invalid">{t('ledger.signatureInvalid')}</Tag>
                  )}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.publicKey')}>
            <Descriptions size="small" column={1} bordered>
              {/* In the body, not the card's header: the long address would squeeze the title on a phone. */}
              <Descriptions.Item label={t('ledger.publishedAt')}>
                <a href="/api/.well-known/parkos-ledger-key" target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                  /api/.well-known/parkos-ledger-key
                </a>
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.algorithm')}>{key.data?.algorithm ?? '…'}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.keyId')}>
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{key.data?.keyId ?? ''}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <pre style={{ background: '#f6f8fb', padding: 12, borderRadius: 6, fontSize: 12, marginTop: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="ledger-key-pem">
              {key.data?.publicKeyPem ?? ''}
            </pre>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('ledger.keyHint')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.verifyEntry')}>
            <Space wrap style={{ marginBottom: 16 }}>
              <InputNumber min={1} precision={0} placeholder={t('ledger.auditId')} value={auditIdInput} onChange={(v) => setAuditIdInput(v)} style={{ width: 180 }} data-testid="ledger-audit-id" />
              <Button type="primary" disabled={!auditIdInput} onClick={() => setAuditId(auditIdInput)} data-testid="ledger-verify-go">
                {t('ledger.verify')}
              </Button>
            </Space>
            {auditId !== null && <EntryVerification key={auditId} auditId={auditId} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.recentHeads')} style={{ marginBottom: 16 }}>
            <Table<TreeHead>
              size="small"
              rowKey="treeSize"
              loading={heads.isFetching}
              dataSource={heads.data?.items ?? []}
              pagination={false}
              scroll={{ x: 440 }}
              columns={[
                { title: t('ledger.treeSize'), dataIndex: 'treeSize', width: 90 },
                { title: t('ledger.signedAt'), dataIndex: 'timestamp', width: 160, render: (v: string) => formatDateTime(v) },
                { title: t('ledger.root'), dataIndex: 'rootHash', width: 190, render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
              ]}
            />
          </Card>
          <Card title={t('ledger.checkBundle')}>{key.data && <BundleCheck publishedSpki={key.data.publicKeySpki} publishedKeyId={key.data.keyId} />}</Card>
        </Col>
      </Row>
    </>
  );
}
