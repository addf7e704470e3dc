import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillKind, BillStatus } from '../api/billing.api';

const KIND_COLORS: Record<BillKind, string> = { rent: 'blue', property: 'cyan', utilities: 'gold', parking: 'purple', service: 'geekblue', booking: 'lime', other: 'default' };
const STATUS_COLORS: Record<BillStatus, string> = { open: 'orange', paid: 'green', refunded: 'magenta', void: 'default' };

/** The kind of a bill (rent, property fee, utilities, parking). */
export function BillKindTag({ kind }: { kind: BillKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`payments.kinds.${kind}`)}</Tag>;
}

/** The status of a bill. */
export function BillStatusTag({ status }: { status: BillStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`payments.billStatus.${status}`)}</Tag>;
}
