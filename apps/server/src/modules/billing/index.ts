import type { Db } from '../../db/client';
import type { AuditService } from '../identity/audit.service';
import { createBillingService } from './billing.service';
import { createSandboxProvider, type SandboxSettings } from './providers/sandbox.provider';

export { billingRoutes } from './billing.routes';
export { sandboxPayRoutes } from './sandbox.routes';
export type { BillingService, BillRow, BillView, BillCreditRow, CreditLine, PaymentRow } from './billing.service';
export { amountDueOf, addMonths, periodBounds } from './billing.service';
export type { PaymentProvider } from './providers/provider';
export { signSandboxBody, SANDBOX_SIGNATURE_HEADER } from './providers/sandbox.provider';

/** Billing with the built-in sandbox provider (the adapter takes WeChat Pay / Alipay-shaped providers too). */
export function createBillingServices(deps: { db: Db; audit: AuditService; sandbox: SandboxSettings; onBillIssued?: Parameters<typeof createBillingService>[0]['onBillIssued'] }) {
  const sandbox = createSandboxProvider({ db: deps.db, settings: deps.sandbox });
  const billing = createBillingService({ db: deps.db, audit: deps.audit, providers: [sandbox.provider], onBillIssued: deps.onBillIssued });
  return { billing, sandbox };
}
