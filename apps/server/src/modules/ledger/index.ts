/** The ledger module's public surface (防篡改账本): other modules and the composition root import only this. */
export { createLedgerService, type LedgerService } from './ledger.service';
export { createLedgerHeadJob } from './ledger.jobs';
export { ledgerRoutes } from './ledger.routes';
export { auditLedger, type LedgerAuditResult } from './ledger-audit';
export { runLedgerVerifyCommand } from './ledger-cli';
export { runVerifyBundleCommand, verifyBundle } from './ledger-bundle';
export { embeddedLedgerKeyFile, installRestoredLedgerKey, ledgerKeyForBackup, type LedgerKeyOptions, type RestoredKeyOutcome } from './ledger-keys';
