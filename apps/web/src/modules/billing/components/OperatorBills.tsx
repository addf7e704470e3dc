import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { BillCreditAmount } from '../../relief/components/BillCreditAmount';
import { Link, useSearchParams } from 'react-router';
import { ExportButton } from '../../../ui/ExportButton';
import { api, type Page } from '../../../lib/api-client';
import { formatDate, formatDateTime, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { FormModal } from '../../../ui/FormModal';
import type { BillKind, BillStatus, Payment } from '../api/billing.api';
import { useBillingMutations, useBills, usePayments } from '../hooks/useBilling';
import { newIdempotencyKey, yuanToFen } from '../utils/money';
import { BillKindTag, BillStatusTag } from './BillKindTag';
import { numberRule } from '../../../ui/number-rule';

const KINDS: BillKind[] = ['rent', 'property', 'utilities', 'parking', 'service', 'booking', 'other'];
const STATUSES: BillStatus[] = ['open', 'paid', 'refunded', 'void'];

/** Operators: every bill of their parks, issuing and generating bills, payments and refunds. */
export function OperatorBills() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Filters may arrive in the address (the workbench links here: ?period=…, ?tab=payments&paidFrom=…).
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('tab') === 'payments' ? 'payments' : 'bills');
  const [filters, setFilters] = useState<{ status?: BillStatus; kind?: BillKind; period?: string; enterpriseId?: string; page: number }>(() => ({
    page: 1,
    status: (params.get('status') as BillStatus | null) ?? undefined,
    kind: (params.get('kind') as BillKind | null) ?? undefined,
    period: params.get('period') ?? undefined,
    enterpriseId: params.get('enterpriseId') ?? undefined,
  }));
  const [paymentFilters, setPaymentFilters] = useState<{ enterpriseId?: string; paidFrom?: string }>(() => ({ enterpriseId: params.get('enterpriseId') ?? undefined, paidFrom: params.get('paidFrom') ?? undefined }));
  const bills = useBills({ ...filters, pageSize: 20 });
  const payments = usePayments({ ...paymentFilters, pageSize: 50 });
  const billExportFilters = { status: filters.status, kind: filters.kind, period: filters.period, enterpriseId: filters.enterpriseId };
  const m = useBillingMutations();
  const [modal, setModal] = useState<'issue' | 'generate' | null>(null);
  const [refundOf, setRefundOf] = useState<Payment | null>(null);
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => api.get<{ id: string; name: string }[]>('/parks'), enabled: modal === 'generate' });
  const enterprises = useQuery({ queryKey: ['enterprises', 'pick'], queryFn: () => api.get<Page<{ id: string; legalName: string }>>('/enterprises', { pageSize: 200 }) });
  const enterpriseOptions = enterprises.data?.items.map((e) => ({ value: e.id, label: e.legalName }));

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'bills',
            label: t('payments.bills.title'),
            children: (
              <Card>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <Select aria-label={t('payments.bills.status')} allowClear placeholder={t('payments.bills.status')} style={{ width: 120 }} value={filters.status} options={STATUSES.map((s) => ({ value: s, label: t(`payments.billStatus.${s}`) }))} onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))} />
                  <Select aria-label={t('payments.bills.kind')} allowClear placeholder={t('payments.bills.kind')} style={{ width: 120 }} value={filters.kind} options={KINDS.map((k) => ({ value: k, label: t(`payments.kinds.${k}`) }))} onChange={(kind) => setFilters((f) => ({ ...f, kind, page: 1 }))} />
                  <DatePicker picker="month" placeholder={t('payments.bills.period')} value={filters.period ? dayjs(`${filters.period}-01`) : null} onChange={(d) => setFilters((f) => ({ ...f, period: d ? d.format('YYYY-MM') : undefined, page: 1 }))} />
                  <Select
                    aria-label={t('operator.bills.filterEnterprise')}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('operator.bills.filterEnterprise')}
                    style={{ width: 220 }}
                    value={filters.enterpriseId}
                    options={enterpriseOptions}
                    onChange={(enterpriseId?: string) => setFilters((f) => ({ ...f, enterpriseId, page: 1 }))}
                    data-testid="bills-filter-enterprise"
                  />
                  <Flex gap={8} style={{ marginLeft: 'auto' }} wrap>
                    <ExportButton path="/bills/export.xlsx" params={billExportFilters} testId="bills-export" />
                    <Button onClick={() => setModal('generate')} data-testid="bills-generate">
                      {t('payments.bills.generate')}
                    </Button>
                    <Button type="primary" onClick={() => setModal('issue')} data-testid="bills-issue">
                      {t('payments.bills.issue')}
                    </Button>
                  </Flex>
                </Flex>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 720 }}
                  loading={bills.isPending}
                  dataSource={bills.data?.items}
                  pagination={{ current: filters.page, pageSize: 20, total: bills.data?.total, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
                  data-testid="bills-table"
                  columns={[
                    { title: t('operator.bills.payer'), render: (_, b) => (b.userName ? `${b.enterpriseName ?? ''} · ${b.userName}` : (b.enterpriseName ?? '—')), ellipsis: true },
                    { title: t('payments.bills.item'), dataIndex: 'title' },
                    { title: t('payments.bills.kind'), render: (_, b) => <BillKindTag kind={b.kind} /> },
                    { title: t('payments.bills.period'), dataIndex: 'period' },
                    { title: t('payments.bills.amount'), align: 'right', render: (_, b) => <BillCreditAmount bill={b} /> },
                    { title: t('payments.bills.dueDate'), render: (_, b) => formatDate(b.dueDate) },
                    { title: t('payments.bills.status'), render: (_, b) => <BillStatusTag status={b.status} /> },
                    {
                      title: '',
                      render: (_, b) =>
                        b.status === 'open' ? (
                          <Popconfirm title={t('payments.bills.voidConfirm')} onConfirm={() => m.voidBill.mutate(b.id, { onError: (e) => void message.error(errorMessage(e)) })}>
                            <Button size="small" danger type="link">
                              {t('payments.bills.void')}
                            </Button>
                          </Popconfirm>
                        ) : b.paymentId ? (
                          <Link to={`/payments/${b.paymentId}/receipt`}>{t('payments.receipt.title')}</Link>
                        ) : null,
                    },
                  ]}
                />
                <div style={{ textAlign: 'right', marginTop: 8 }}>
                  {t('payments.bills.sum')}: <b>¥{formatFen(bills.data?.totalFen ?? 0)}</b>
                </div>
              </Card>
            ),
          },
          {
            key: 'payments',
            label: t('payments.pay.listTitle'),
            children: (
              <Card extra={<Link to="/billing/reconciliation">{t('payments.recon.title')}</Link>}>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <Select
                    aria-label={t('operator.bills.filterEnterprise')}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('operator.bills.filterEnterprise')}
                    style={{ width: 220 }}
                    value={paymentFilters.enterpriseId}
                    options={enterpriseOptions}
                    onChange={(enterpriseId?: string) => setPaymentFilters((f) => ({ ...f, enterpriseId }))}
                  />
                  {paymentFilters.paidFrom && (
                    <Tag closable onClose={() => setPaymentFilters((f) => ({ ...f, paidFrom: undefined }))}>
                      {t('payments.receipt.paidAt')} ≥ {formatDateTime(paymentFilters.paidFrom)}
                    </Tag>
                  )}
                  <span style={{ marginLeft: 'auto' }}>
                    <ExportButton path="/payments/export.xlsx" params={paymentFilters} testId="payments-export" />
                  </span>
                </Flex>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 720 }}
                  loading={payments.isPending}
                  dataSource={payments.data?.items}
                  data-testid="payments-table"
                  columns={[
                    { title: t('payments.receipt.no'), dataIndex: 'outTradeNo', render: (v: string, p) => <Link to={`/payments/${p.id}`}>{v}</Link> },
                    { title: t('operator.bills.payer'), render: (_, p) => [p.enterpriseName, p.payerName].filter(Boolean).join(' · ') || '—', ellipsis: true },
                    { title: t('payments.bills.amount'), align: 'right', render: (_, p) => `¥${formatFen(p.amountFen)}` },
                    { title: t('payments.pay.refunded'), align: 'right', render: (_, p) => (p.refundedFen ? `¥${formatFen(p.refundedFen)}` : '—') },
                    { title: t('payments.bills.status'), render: (_, p) => <Tag>{t(`payments.paymentStatus.${p.status}`)}</Tag> },
                    { title: t('payments.receipt.paidAt'), render: (_, p) => formatDateTime(p.paidAt) },
                    {
                      title: '',
                      render: (_, p) =>
                        // `unexpected`: by hand only if its automatic refund failed; the modal offers what is left.
                        p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'unexpected' ? (
                          <Button size="small" type="link" onClick={() => setRefundOf(p)} data-testid={`refund-${p.id}`}>
                            {t('payments.pay.refund')}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <FormModal<{ enterpriseId: string; kind: BillKind; period: dayjs.Dayjs; title: string; amount: string; dueDate: dayjs.Dayjs }>
        open={modal === 'issue'}
        title={t('payments.bills.issue')}
        onClose={() => setModal(null)}
        successMessage={t('payments.bills.issued')}
        initialValues={{ kind: 'property', period: dayjs(), dueDate: dayjs().add(14, 'day') }}
        onSubmit={(v) => m.createBill.mutateAsync({ enterpriseId: v.enterpriseId, kind: v.kind, period: v.period.format('YYYY-MM'), title: v.title, amountFen: yuanToFen(v.amount)!, dueDate: v.dueDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="enterpriseId" label={t('payments.bills.enterprise')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={enterprises.isPending} options={enterpriseOptions} />
        </Form.Item>
        <Form.Item name="kind" label={t('payments.bills.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`payments.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('payments.bills.item')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('payments.bills.amountYuan')} rules={[{ required: true }, { validator: (_, v: string) => (v && (yuanToFen(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('payments.bills.amountInvalid')))) }]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="period" label={t('payments.bills.period')} rules={[{ required: true }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('payments.bills.dueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ parkId: string; period: dayjs.Dayjs; rate?: number | null }>
        open={modal === 'generate'}
        title={t('payments.bills.generate')}
        onClose={() => setModal(null)}
        initialValues={{ period: dayjs(), rate: 550 }}
        onSubmit={async (v) => {
          const r = await m.generate.mutateAsync({ parkId: v.parkId, period: v.period.format('YYYY-MM'), propertyRateFenPerM2: v.rate ?? null });
          void message.success(t('payments.bills.generated', { created: r.created, leases: r.leases }));
        }}
      >
        <Form.Item name="parkId" label={t('payments.bills.park')} rules={[{ required: true }]}>
          <Select loading={parks.isPending} options={parks.data?.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="period" label={t('payments.bills.period')} rules={[{ required: true }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rate" label={t('payments.bills.propertyRate')} extra={t('payments.bills.propertyRateHint')} rules={[numberRule(t, t('payments.bills.propertyRate'), { min: 0, max: 100_000 })]}>
          <InputNumber precision={0} style={{ width: '100%' }} addonAfter={t('payments.bills.fenPerM2')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ amount: string; reason?: string }>
        open={!!refundOf}
        title={t('payments.pay.refund')}
        onClose={() => setRefundOf(null)}
        successMessage={t('payments.pay.refundRequested')}
        onSubmit={(v) => m.refund.mutateAsync({ id: refundOf!.id, amountFen: yuanToFen(v.amount)!, reason: v.reason, idempotencyKey: newIdempotencyKey() })}
      >
        <Form.Item name="amount" label={t('payments.bills.amountYuan')} extra={refundOf ? t('payments.pay.refundable', { amount: formatFen(refundOf.amountFen - refundOf.refundedFen) }) : null} rules={[{ required: true }, { validator: (_, v: string) => (v && (yuanToFen(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('payments.bills.amountInvalid')))) }]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="reason" label={t('payments.pay.reason')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
