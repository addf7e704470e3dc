import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { useParks } from '../../parks/hooks/useParks';
import type { ImportMode, ImportResult } from '../api/devices.api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fileToBase64, importDevicesXlsx } from '../api/import.api';
import { useDeviceMutations } from '../hooks/useDevice';

/** Import of devices from CSV (file or pasted text) or an Excel workbook, with the server's per-row error report. */
export function DeviceImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const parks = useParks();
  const m = useDeviceMutations();
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [chosenParkId, setChosenParkId] = useState<string | undefined>();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [xlsx, setXlsx] = useState<{ name: string; base64: string } | null>(null);
  const queryClient = useQueryClient();
  const importXlsx = useMutation({ mutationFn: importDevicesXlsx, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['devices'] }) });
  const parkId = chosenParkId ?? parks.data?.[0]?.id;

  const handleClose = () => {
    setCsv('');
    setXlsx(null);
    setResult(null);
    onClose();
  };
  const handleImport = () => {
    if (xlsx && parkId) {
      importXlsx.mutate({ parkId, xlsx: xlsx.base64, mode }, { onSuccess: setResult, onError: (e) => void message.error(errorMessage(e)) });
      return;
    }
    if (!csv.trim() || !parkId) {
      void message.warning(t('devices.importEmpty'));
      return;
    }
    m.importCsv.mutate({ parkId, csv, mode }, { onSuccess: setResult, onError: (e) => void message.error(errorMessage(e)) });
  };

  return (
    <Modal
      open={open}
      title={t('devices.importTitle')}
      onCancel={handleClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={handleClose}>
          {t('common.close')}
        </Button>,
        <Button key="run" type="primary" loading={m.importCsv.isPending || importXlsx.isPending} onClick={handleImport} data-testid="device-import-submit">
          {t('devices.importRun')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('devices.importHint')}</Typography.Paragraph>
      <Form layout="vertical">
        {(parks.data?.length ?? 0) > 1 && (
          <Form.Item label={t('devices.park')}>
            <Select value={parkId} onChange={setChosenParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item>
          <Upload
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              setResult(null);
              if (/\.xlsx$/i.test(file.name)) {
                void fileToBase64(file).then((base64) => setXlsx({ name: file.name, base64 }));
              } else {
                setXlsx(null);
                void file.text().then(setCsv);
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="device-import-upload">
              {t('devices.importUpload')} / {t('deviceOps.import.xlsxUpload')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {xlsx ? <span data-testid="device-import-xlsx-name">{t('deviceOps.import.xlsxRead', { name: xlsx.name })}</span> : t('deviceOps.import.xlsxHint')}
          </Typography.Paragraph>
        </Form.Item>
        <Form.Item label={t('devices.importPaste')}>
          <Input.TextArea
            rows={6}
            value={csv}
            placeholder={t('devices.importSample')}
            onChange={(e) => {
              setCsv(e.target.value);
              setXlsx(null);
              setResult(null);
            }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
            data-testid="device-import-csv"
          />
        </Form.Item>
        <Form.Item label={t('devices.importMode')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
            <Radio value="all_or_nothing">{t('devices.allOrNothing')}</Radio>
            <Radio value="valid_rows_only" data-testid="device-import-mode-valid">{t('devices.validRowsOnly')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
      {result && (
        <div data-testid="device-import-result">
          <Alert
            type={result.errors.length === 0 ? 'success' : result.created > 0 ? 'warning' : 'error'}
            showIcon
            message={t('devices.importResult', { rows: result.rows, created: result.created })}
            style={{ marginBottom: 12 }}
          />
          {result.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}:${e.field}:${e.message}`}
              dataSource={result.errors}
              pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
              title={() => t('devices.importErrors')}
              data-testid="device-import-errors"
              columns={[
                { title: t('devices.row'), dataIndex: 'row', width: 70 },
                { title: t('devices.field'), dataIndex: 'field', width: 110, render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
                { title: t('devices.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
