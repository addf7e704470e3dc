import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, InputNumber, Radio, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/form-errors';
import { templateUrl, type ImportRowError, type Invitation, type SessionDetail } from '../modules/training/api/training.api';
import { PassedTag, SessionStateTag } from '../modules/training/components/TrainingTags';
import { useImportResults, useRecordResults, useTrainingSession } from '../modules/training/hooks/useTraining';
import { shanghaiDateTime } from '../modules/training/utils/dates';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

type Entry = { attended: boolean | null; score: number | null };

/** Reads a picked file as base64 (without the data: prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Attendance and exam entry for every invited staff member on one page, or the sheet import. */
function ResultsCard({ s }: { s: SessionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordResults();
  const importer = useImportResults();
  // The page remounts this card when the saved results change (see its key), so the entries start from them.
  const [entries, setEntries] = useState<Record<string, Entry>>(() => Object.fromEntries(s.invitations.map((i) => [i.staffId, { attended: i.attended, score: i.score }])));
  const [importErrors, setImportErrors] = useState<ImportRowError[]>([]);
  const hasStarted = s.hasStarted;
  const isEditable = s.canRecord && hasStarted;
  const set = (staffId: string, patch: Partial<Entry>) => setEntries((e) => ({ ...e, [staffId]: { ...(e[staffId] ?? { attended: null, score: null }), ...patch } }));
  const passedOf = (i: Invitation) => {
    const e = entries[i.staffId];
    if (!s.hasExam || !e?.attended || e.score === null || s.passMark === null) return null;
    return e.score >= s.passMark;
  };
  const pending = useMemo(() => Object.entries(entries).filter(([, e]) => e.attended !== null), [entries]);

  const handleSave = async () => {
    try {
      await record.mutateAsync({ id: s.id, results: pending.map(([staffId, e]) => ({ staffId, attended: e.attended as boolean, score: e.attended && s.hasExam ? e.score : null })) });
      void message.success(t('training.session.saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const handleImport = async (file: File) => {
    setImportErrors([]);
    try {
      await importer.mutateAsync({ id: s.id, xlsxBase64: await readBase64(file) });
      void message.success(t('training.session.imported'));
    } catch (err) {
      const rows = err instanceof ApiError && Array.isArray(err.details.rows) ? (err.details.rows as ImportRowError[]) : [];
      if (rows.length) setImportErrors(rows);
      else void message.error(errorMessage(err));
    }
  };

  return (
    <Card
      size="small"
      title={t('training.session.results')}
      styles={{ body: { padding: 0 } }}
      extra={
        isEditable && (
          <Flex gap={8} wrap>
            <Button size="small" icon={<DownloadOutlined />} href={templateUrl(s.id)} data-testid="training-template">
              {t('training.session.download')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void handleImport(f), false)}>
              <Button size="small" icon={<UploadOutlined />} loading={importer.isPending} data-testid="training-import">
                {t('training.session.import')}
              </Button>
            </Upload>
          </Flex>
        )
      }
    >
      {!s.canRecord && <Alert type="info" showIcon message={t('training.session.readOnly')} style={{ margin: 12 }} />}
      {s.canRecord && !hasStarted && <Alert type="info" showIcon message={t('training.session.notStarted')} style={{ margin: 12 }} />}
      {importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ margin: 12 }}
          data-testid="training-import-errors"
          message={t('training.session.importFailed', { count: importErrors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {importErrors.map((e) => (
                <li key={`${e.row}-${e.column}`}>{t('training.session.importRow', { ...e, reason: t(`training.session.importErrors.${e.code}`) })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Invitation>
        rowKey="id"
        size="small"
        dataSource={s.invitations}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="training-results"
        columns={[
          { title: t('training.fields.name'), dataIndex: 'staffName', fixed: 'left' },
          { title: t('training.fields.post'), key: 'post', render: (_, i) => t(`training.posts.${i.post}`) },
          ...(s.companies.length > 1 ? [{ title: t('training.fields.company'), dataIndex: 'propertyCompanyName' as const }] : []),
          {
            title: t('training.fields.attendance'),
            key: 'attended',
            render: (_, i) => {
              const a = entries[i.staffId]?.attended ?? null;
              if (!isEditable) return a === null ? t('training.session.notRecorded') : a ? t('training.session.present') : t('training.session.absent');
              return (
                <Radio.Group size="small" optionType="button" value={a === null ? undefined : a ? 'y' : 'n'} onChange={(e) => set(i.staffId, { attended: e.target.value === 'y', ...(e.target.value === 'n' ? { score: null } : {}) })} data-testid={`training-att-${i.staffId}`}>
                  <Radio.Button value="y">{t('training.session.present')}</Radio.Button>
                  <Radio.Button value="n">{t('training.session.absent')}</Radio.Button>
                </Radio.Group>
              );
            },
          },
          ...(s.hasExam
            ? [
                {
                  title: t('training.fields.score'),
                  key: 'score',
                  render: (_: unknown, i: Invitation) => {
                    const e = entries[i.staffId];
                    if (!isEditable) return e?.score ?? '—';
                    return <InputNumber size="small" min={0} max={100} step={1} style={{ width: 84 }} disabled={!e?.attended} value={e?.score ?? null} onChange={(v) => set(i.staffId, { score: v ?? null })} data-testid={`training-score-${i.staffId}`} />;
                  },
                },
                { title: t('training.fields.result'), key: 'passed', render: (_: unknown, i: Invitation) => <PassedTag passed={passedOf(i)} /> },
              ]
            : []),
        ]}
      />
      {isEditable && (
        <Flex gap={8} wrap justify="flex-end" style={{ padding: 12 }}>
          <Button onClick={() => s.invitations.forEach((i) => entries[i.staffId]?.attended === null && set(i.staffId, { attended: true }))} data-testid="training-all-present">
            {t('training.session.allPresent')}
          </Button>
          <Button type="primary" disabled={!pending.length} loading={record.isPending} onClick={() => void handleSave()} data-testid="training-save">
            {t('training.session.save')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** One training session: its details, the invited staff the user may see, and the attendance and exam entry. */
export function TrainingSessionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useTrainingSession(id);
  return (
    <QueryBoundary query={session} isCard={false}>
      {(s) => (
        <div>
          <PageHeader
            title={s.title}
            subtitle={`${shanghaiDateTime(s.startsAt)} · ${t(`training.topics.${s.topic}`)}`}
            crumbs={[{ title: t('training.sessions.title'), to: '/training/sessions' }, { title: s.title }]}
            extra={<SessionStateTag session={s} />}
          />
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('training.fields.trainer')}>{s.trainer}</Descriptions.Item>
              <Descriptions.Item label={t('training.fields.hours')}>{s.hours}</Descriptions.Item>
              {s.location && <Descriptions.Item label={t('training.fields.location')}>{s.location}</Descriptions.Item>}
              <Descriptions.Item label={t('training.fields.hasExam')}>{s.hasExam ? t('training.sessions.exam', { mark: s.passMark }) : t('training.sessions.noExam')}</Descriptions.Item>
              <Descriptions.Item label={t('training.fields.companies')}>
                {s.companies.map((c) => (
                  // A company's full legal name is long; on a phone it wraps instead of widening the page.
                  <Tag key={c.id} style={{ whiteSpace: 'normal' }}>
                    {c.name}
                  </Tag>
                ))}
                {s.organizerCompanyId && <Tag color="purple">{t('training.sessions.organizer.company')}</Tag>}
              </Descriptions.Item>
            </Descriptions>
            {s.isRecorded && (
              <Typography.Text strong data-testid="training-summary">
                {t('training.session.summary', { invited: s.invited, attended: s.attended, examined: s.examined, passed: s.passed })}
              </Typography.Text>
            )}
          </Card>
          <ResultsCard key={s.invitations.map((i) => `${i.staffId}:${i.attended}:${i.score}`).join(',')} s={s} />
        </div>
      )}
    </QueryBoundary>
  );
}
