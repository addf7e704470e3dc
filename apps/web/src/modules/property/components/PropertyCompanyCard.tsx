import { App, Button, Card, Descriptions, Empty, Popconfirm, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { PropertyCompany, PropertyContract } from '../api/property.api';
import { usePropertyMutations } from '../hooks/usePropertyCompanies';

interface PropertyCompanyCardProps {
  company: PropertyCompany;
  canEdit: boolean;
  onNewContract: (companyId: string) => void;
}

/** A property company, its contact and its district contracts. */
export function PropertyCompanyCard({ company, canEdit, onNewContract }: PropertyCompanyCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { deleteContract } = usePropertyMutations();
  return (
    <Card
      data-testid="property-company"
      title={
        <span>
          <ShopOutlined style={{ color: '#1554d1' }} /> {company.name}
        </span>
      }
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onNewContract(company.id)} data-testid="contract-new">
            {t('property.newContract')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('property.creditCode')}>
          <span style={{ fontFamily: 'monospace' }}>{company.creditCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('property.contactName')}>{company.contactName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('property.contactPhone')}>{company.contactPhone ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table<PropertyContract>
        rowKey="id"
        size="small"
        dataSource={company.contracts}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('property.noContracts')} /> }}
        columns={[
          { title: t('property.district'), key: 'district', render: (_, c) => <Tag color="blue">{`${c.siteName} / ${c.districtName}`}</Tag> },
          { title: t('property.period'), key: 'period', render: (_, c) => `${formatDate(c.startDate)} ~ ${formatDate(c.endDate)}` },
          { title: t('property.annualFee'), dataIndex: 'annualFeeFen', align: 'right', render: (f: number) => formatFen(f) },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 70,
                  render: (_: unknown, c: PropertyContract) => (
                    <Popconfirm title={t('property.deleteContractConfirm')} onConfirm={() => deleteContract.mutateAsync(c.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
