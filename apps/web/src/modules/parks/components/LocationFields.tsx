import type { ReactNode } from 'react';
import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilding, useBuildings } from '../hooks/useBuilding';
import { useParks } from '../hooks/useParks';

/** The form fields LocationFields fills in. */
interface LocationValues {
  parkId?: string;
  buildingId?: string | null;
  floorId?: string | null;
}

interface LocationFieldsProps {
  /** The park whose buildings are offered: the form's value, or the form's default before it is set. */
  parkId: string | undefined;
  /** The park is fixed once the record exists. */
  isParkLocked: boolean;
  /** The i18n section holding the `park`, `building` and `floor` labels. */
  labelPrefix: 'rules' | 'devices';
  /** The building select is `${testId}-building`, the floor select `${testId}-floor`. */
  testId: string;
  /** Fields of the same width placed between the park and the building (the form's own order). */
  afterPark?: ReactNode;
}

/**
 * Park, building and floor selects of a form with fields parkId, buildingId and floorId, each a half-width
 * column of a Row: a new park clears building and floor, a new building clears the floor.
 */
export function LocationFields({ parkId, isParkLocked, labelPrefix, testId, afterPark }: LocationFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LocationValues>();
  const buildingId = Form.useWatch('buildingId', form) ?? undefined;
  const parks = useParks();
  const buildings = useBuildings(parkId);
  const building = useBuilding(buildingId);
  return (
    <>
      <Col xs={24} sm={12}>
        <Form.Item name="parkId" label={t(`${labelPrefix}.park`)} rules={[{ required: true }]}>
          <Select
            disabled={isParkLocked}
            loading={parks.isPending}
            options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={() => form.setFieldsValue({ buildingId: undefined, floorId: undefined })}
          />
        </Form.Item>
      </Col>
      {afterPark}
      <Col xs={24} sm={12}>
        <Form.Item name="buildingId" label={t(`${labelPrefix}.building`)}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={buildings.isFetching}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            onChange={() => form.setFieldsValue({ floorId: undefined })}
            data-testid={`${testId}-building`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="floorId" label={t(`${labelPrefix}.floor`)}>
          <Select
            allowClear
            disabled={!buildingId}
            loading={building.isFetching}
            options={(building.data?.floors ?? []).map((f) => ({ value: f.id, label: f.name }))}
            data-testid={`${testId}-floor`}
          />
        </Form.Item>
      </Col>
    </>
  );
}
