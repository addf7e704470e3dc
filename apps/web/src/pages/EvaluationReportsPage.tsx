import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportUrl } from '../modules/evaluation/api/outcomes.api';
import { usePeriods, useRanking } from '../modules/evaluation/hooks/useEvaluation';
import { PageHeader } from '../ui/PageHeader';

/** Review-meeting reports: a period and a company (property staff: their own) as PDF or Excel. */
export function EvaluationReportsPage() {
  const { t, i18n } = useTranslation();
  const periods = usePeriods();
  const computed = (periods.data ?? []).filter((p) => p.computedAt);
  const [periodId, setPeriodId] = useState<string>();
  const pid = periodId ?? computed.find((p) => p.status === 'closed')?.id;
  const ranking = useRanking(pid ?? '');
  const companies = (ranking.data?.companies ?? []).filter((c) => c.canExplain);
  const [companyId, setCompanyId] = useState<string>();
  const cid = companies.some((c) => c.subjectId === companyId) ? companyId : companies[0]?.subjectId;
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return (
    <div>
      <PageHeader title={t('evaluationOutcomes.reports.title')} subtitle={t('evaluationOutcomes.reports.subtitle')} />
      <Card>
        <Flex gap={16} wrap="wrap" align="end">
          <Form.Item label={t('evaluationOutcomes.reports.period')} style={{ marginBottom: 0, minWidth: 220 }}>
            <Select data-testid="eo-report-period" value={pid} onChange={setPeriodId} options={computed.map((p) => ({ value: p.id, label: `${p.label} · ${p.schemeName}` }))} notFoundContent={t('evaluationOutcomes.reports.none')} />
          </Form.Item>
          <Form.Item label={t('evaluationOutcomes.reports.company')} style={{ marginBottom: 0, minWidth: 220 }}>
            <Select data-testid="eo-report-company" value={cid} onChange={setCompanyId} options={companies.map((c) => ({ value: c.subjectId, label: c.name }))} />
          </Form.Item>
          <Button icon={<FilePdfOutlined />} disabled={!pid || !cid} href={pid && cid ? reportUrl(pid, cid, 'pdf', lang) : undefined} data-testid="eo-report-pdf">
            {t('evaluationOutcomes.reports.pdf')}
          </Button>
          <Button icon={<FileExcelOutlined />} disabled={!pid || !cid} href={pid && cid ? reportUrl(pid, cid, 'xlsx', lang) : undefined} data-testid="eo-report-xlsx">
            {t('evaluationOutcomes.reports.excel')}
          </Button>
        </Flex>
      </Card>
    </div>
  );
}
