import { useState } from 'react';
import { Alert, Button, Flex, List, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { verifyLedgerEntry, type VerificationResult } from '../utils/verify-entry';

interface Bundle {
  leafIndex: number;
  leafHash: string;
  entry: { canonical: string };
  treeHead: { treeSize: number; rootHash: string; timestampMs: number; signature: string; keyId: string };
  inclusionProof: string[];
}

/** Verifies a downloaded proof bundle in the browser against the park's published key. */
export function BundleCheck({ publishedSpki, publishedKeyId }: { publishedSpki: string; publishedKeyId: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerificationResult | { error: string } | null>(null);

  const handleFile = async (file: File) => {
    try {
      const b = JSON.parse(await file.text()) as Bundle;
      setResult(
        await verifyLedgerEntry({ entryCanonical: b.entry.canonical, leafHash: b.leafHash, leafIndex: b.leafIndex, proof: b.inclusionProof, head: b.treeHead, publicKeySpki: publishedSpki }),
      );
    } catch (error) {
      setResult({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => (void handleFile(file), false)}>
        <Button icon={<UploadOutlined />} data-testid="ledger-bundle-upload">{t('ledger.checkBundle')}</Button>
      </Upload>
      {result && 'error' in result && <Alert type="error" showIcon title={t('ledger.bundleUnreadable')} description={result.error} />}
      {result && 'steps' in result && (
        <>
          <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.ok ? t('ledger.bundleValid', { keyId: publishedKeyId }) : t('ledger.notVerified')} />
          <List
            size="small"
            dataSource={result.steps}
            renderItem={(s) => (
              <List.Item>
                {s.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />} {t(`ledger.steps.${s.key}`)}
              </List.Item>
            )}
          />
        </>
      )}
    </Flex>
  );
}
