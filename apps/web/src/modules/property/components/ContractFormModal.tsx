import { DatePicker, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { findDistricts } from '../../parks/api/parks.api';
import { useSites } from '../../parks/hooks/useParks';
import type { PropertyCompany } from '../api/property.api';
import { usePropertyMutations } from '../hooks/usePropertyCompanies';
import { numberRule } from '../../../ui/number-rule';

interface ContractValues {
  propertyCompanyId: string;
  districtId: string;
  period: [Dayjs, Dayjs];
  annualFee: number;
}

/** Contracts a property company for a district. */
export function ContractFormModal({ companies, companyId, onClose }: { companies: PropertyCompany[]; companyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { createContract } = usePropertyMutations();
  const districts = useQuery({ queryKey: ['districts', 'all'], queryFn: () => findDistricts(), enabled: companyId !== null });
  const sites = useSites();
  const siteName = new Map((sites.data ?? []).map((s) => [s.id, s.name]));
  return (
    <FormModal<ContractValues>
      open={companyId !== null}
      title={t('property.newContract')}
      onClose={onClose}
      initialValues={{ propertyCompanyId: companyId ?? undefined }}
      successMessage={t('common.created')}
      testId="contract-form"
      onSubmit={(v) =>
        createContract.mutateAsync({
          propertyCompanyId: v.propertyCompanyId,
          districtId: v.districtId,
          startDate: v.period[0].format('YYYY-MM-DD'),
          endDate: v.period[1].format('YYYY-MM-DD'),
          annualFeeFen: Math.round(v.annualFee * 100),
        })
      }
    >
      <Form.Item name="propertyCompanyId" label={t('property.company')} rules={[{ required: true }]}>
        <Select options={companies.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="districtId" label={t('property.district')} rules={[{ required: true, message: t('common.required', { field: t('property.district') }) }]}>
        <Select
          loading={districts.isPending}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: `${siteName.get(d.siteId) ?? ''} / ${d.name}` }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('property.period')} rules={[{ required: true, message: t('common.required', { field: t('property.period') }) }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="annualFee" label={t('property.annualFee')} rules={[{ required: true, message: t('common.required', { field: t('property.annualFee') }) }, numberRule(t, t('property.annualFee'), { min: 0 })]}>
        <InputNumber style={{ width: '100%' }} precision={2} />
      </Form.Item>
    </FormModal>
  );
}
