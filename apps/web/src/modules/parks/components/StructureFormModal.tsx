import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Building, District, ParkTree, Site } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';
import { numberRule } from '../../../ui/number-rule';
import { formatFootprint, parseFootprint } from '../utils/footprint';
import { FootprintInput } from './FootprintInput';

/** Which level of the structure the modal creates or edits. */
export type StructureKind = 'site' | 'district' | 'building';

interface StructureValues {
  name: string;
  address?: string;
  lat?: number | null;
  lon?: number | null;
  siteId?: string;
  districtId?: string;
  floorsAboveGround?: number | null;
  grossArea?: number | null;
  /** The outline as typed, one "x, y" a line. */
  footprintText?: string;
}

interface StructureFormModalProps {
  kind: StructureKind | null;
  /** The park to create in (its sites and districts are the parents offered); not needed to edit. */
  tree?: ParkTree;
  /** The site, district or building (of `kind`) to edit; without it the modal creates one. */
  item?: Site | District | Building | null;
  onClose: () => void;
}

/** Creates a site, a district or a building in the given park, or edits one (the same form, prefilled). */
export function StructureFormModal({ kind, tree, item, onClose }: StructureFormModalProps) {
  const { t } = useTranslation();
  const m = useStructureMutations();
  const treeSites = tree?.sites ?? [];
  const siteOptions = treeSites.map((s) => ({ value: s.id, label: s.name }));
  const districtOptions = treeSites.map((s) => ({ label: s.name, options: s.districts.map((d) => ({ value: d.id, label: `${s.name} / ${d.name}` })) }));
  const isEditing = !!item;
  const titles: Record<StructureKind, { create: string; edit: string }> = {
    site: { create: t('structure.newSite'), edit: t('structure.editSite') },
    district: { create: t('structure.newDistrict'), edit: t('structure.editDistrict') },
    building: { create: t('structure.newBuilding'), edit: t('structure.editBuilding') },
  };
  const title = titles[kind ?? 'building'][isEditing ? 'edit' : 'create'];

  const handleSubmit = async (v: StructureValues) => {
    const name = v.name.trim();
    const footprint = v.footprintText?.trim() ? parseFootprint(v.footprintText) : null;
    if (item) {
      if (kind === 'site') await m.updateSite.mutateAsync({ id: item.id, name, address: v.address || null, lat: v.lat ?? null, lon: v.lon ?? null });
      else if (kind === 'district') await m.updateDistrict.mutateAsync({ id: item.id, name });
      else await m.updateBuilding.mutateAsync({ id: item.id, name, floorsAboveGround: v.floorsAboveGround ?? null, grossArea: v.grossArea ?? null, footprint });
      return;
    }
    if (kind === 'site') await m.createSite.mutateAsync({ parkId: tree?.id as string, name, address: v.address || null, lat: v.lat ?? null, lon: v.lon ?? null });
    else if (kind === 'district') await m.createDistrict.mutateAsync({ siteId: v.siteId as string, name });
    else await m.createBuilding.mutateAsync({ districtId: v.districtId as string, name, floorsAboveGround: v.floorsAboveGround ?? null, grossArea: v.grossArea ?? null, footprint });
  };

  return (
    <FormModal<StructureValues>
      open={kind !== null}
      title={title}
      onClose={onClose}
      onSubmit={handleSubmit}
      successMessage={isEditing ? t('common.saved') : t('common.created')}
      testId={`${isEditing ? 'edit' : 'new'}-${kind ?? 'x'}-form`}
      initialValues={item ? ({ ...item, footprintText: formatFootprint((item as Building).footprint) } as Partial<StructureValues>) : undefined}
    >
      {/* The parent cannot be changed by an edit (the API moves nothing between sites or districts). */}
      {kind === 'district' && !isEditing && (
        <Form.Item name="siteId" label={t('structure.parentSite')} rules={[{ required: true, message: t('common.required', { field: t('structure.parentSite') }) }]}>
          <Select options={siteOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      {kind === 'building' && !isEditing && (
        <Form.Item name="districtId" label={t('structure.parentDistrict')} rules={[{ required: true, message: t('common.required', { field: t('structure.parentDistrict') }) }]}>
          <Select options={districtOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('structure.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('structure.name') }) }, { max: 200 }]}>
        <Input autoFocus />
      </Form.Item>
      {kind === 'site' && (
        <>
          <Form.Item name="address" label={t('structure.address')} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={`${t('structure.lat')} / ${t('structure.lon')}`} style={{ marginBottom: 0 }}>
            <Form.Item name="lat" style={{ display: 'inline-block', width: 'calc(50% - 4px)', marginRight: 8 }}>
              <InputNumber style={{ width: '100%' }} min={-90} max={90} placeholder={t('structure.lat')} />
            </Form.Item>
            <Form.Item name="lon" style={{ display: 'inline-block', width: 'calc(50% - 4px)' }}>
              <InputNumber style={{ width: '100%' }} min={-180} max={180} placeholder={t('structure.lon')} />
            </Form.Item>
          </Form.Item>
        </>
      )}
      {kind === 'building' && (
        <>
          <Form.Item name="floorsAboveGround" label={t('structure.floorsAboveGround')} rules={[numberRule(t, t('structure.floorsAboveGround'), { min: 1, max: 200 })]}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
          <Form.Item name="grossArea" label={t('structure.grossArea')} rules={[numberRule(t, t('structure.grossArea'), { positive: true, max: 10_000_000 })]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="footprintText"
            label={t('iocWall.footprint')}
            extra={t('iocWall.footprintHelp')}
            rules={[{ validator: async (_, text?: string) => (!text?.trim() || parseFootprint(text) ? undefined : Promise.reject(new Error(t('iocWall.footprintInvalid')))) }]}
          >
            <FootprintInput />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
