import { useState } from 'react';
import { App, Button, Card, Form, Image, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBuildings } from '../modules/parks/hooks/useBuilding';
import { addPhoto, createWorkOrder, WORK_ORDER_CATEGORIES, type NewWorkOrder } from '../modules/workorders/api/workorders.api';
import { PhotoPicker } from '../modules/workorders/components/PhotoPicker';
import { useCurrentParkId } from '../modules/workorders/hooks/useWorkOrders';
import { useSession } from '../modules/auth/hooks/useSession';
import { PageHeader } from '../ui/PageHeader';

/** The request form (报修) for members and enterprise admins, made for a phone: text, optional category, location, up to 9 photos. */
export function WorkOrderRequestPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const buildings = useBuildings();
  const { permissions } = useSession();
  // Operators file in their park; requesters in their enterprise's (the server decides).
  const operatorParkId = useCurrentParkId();
  const [files, setFiles] = useState<File[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [form] = Form.useForm<NewWorkOrder>();
  const handleSubmit = async (v: NewWorkOrder) => {
    setIsSaving(true);
    try {
      const parkId = permissions.isOperator && !v.buildingId ? operatorParkId : undefined;
      const order = await createWorkOrder({ ...v, parkId, description: v.description || undefined, locationText: v.locationText || undefined });
      for (const f of files) await addPhoto(order.id, f);
      void qc.invalidateQueries({ queryKey: ['work-orders'] });
      void message.success(t('workorders.form.submitted', { number: order.number }));
      void navigate(`/work-orders/${order.id}`);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <>
      <PageHeader title={t('workorders.form.title')} subtitle={t('workorders.form.subtitle')} crumbs={[{ title: t('workorders.nav.list'), to: '/work-orders' }, { title: t('workorders.nav.new') }]} />
      <Card style={{ maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void handleSubmit(v)} requiredMark={false}>
          <Form.Item name="title" label={t('workorders.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('workorders.fields.title') }) }]}>
            <Input placeholder={t('workorders.form.titlePlaceholder')} maxLength={200} data-testid="wo-form-title" />
          </Form.Item>
          <Form.Item name="description" label={t('workorders.fields.description')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="wo-form-description" />
          </Form.Item>
          <Form.Item name="category" label={t('workorders.form.categoryOptional')}>
            <Select allowClear options={WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} data-testid="wo-form-category" />
          </Form.Item>
          <Form.Item name="buildingId" label={t('workorders.fields.building')}>
            <Select allowClear showSearch optionFilterProp="label" loading={buildings.isPending} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} data-testid="wo-form-building" />
          </Form.Item>
          <Form.Item name="locationText" label={t('workorders.fields.locationText')}>
            <Input maxLength={200} data-testid="wo-form-location" />
          </Form.Item>
          <Form.Item label={t('workorders.fields.photos')}>
            {files.length > 0 && (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(72px, 1fr))', gap: 6, marginBottom: 8 }} data-testid="wo-form-previews">
                {files.map((f, i) => (
                  <Image key={`${f.name}-${i}`} src={URL.createObjectURL(f)} alt={f.name} height={72} width="100%" style={{ objectFit: 'cover', borderRadius: 6 }} preview={false} />
                ))}
              </div>
            )}
            <PhotoPicker count={files.length} onPick={(picked) => setFiles((prev) => [...prev, ...picked])} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={isSaving} data-testid="wo-form-submit">
            {t('workorders.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
