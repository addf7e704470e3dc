import type { Db } from '../../db/client';
import type { AuditService } from '../identity/audit.service';
import type { FilesService } from '../files';
import { moveLegacyPhotos } from './legacy-photos';
import { createDispatchService, type DispatchSettings } from './dispatch.service';
import type { NotifyUsers } from '../notifications';
import { createWorkOrdersService, type WorkOrderSettings } from './workorders.service';

export { workOrderRoutes } from './workorders.routes';
export { startWorkOrderJobs, createWorkOrderJobs } from './workorders.jobs';
export type { WorkOrdersService } from './workorders.service';
export type { DispatchService } from './dispatch.service';
export { seedWorkOrders } from './workorders.seed';
export { WORK_ORDER_FILE_OWNER, PHOTO_LIMITS } from './workorders.service';

/** Default settings; the composition root overrides them from the configuration. */
export const DEFAULT_WORK_ORDER_SETTINGS: DispatchSettings & WorkOrderSettings = {
  confidenceThreshold: 0.6,
  retrainAfterCorrections: 20,
  retrainIntervalHours: 24,
  trainingMode: 'thread',
  escalateToOperatorAfterMinutes: 30,
};

/** Work orders and smart dispatch, wired to one database. */
export function createWorkOrderServices(deps: { db: Db; audit: AuditService; files: FilesService; settings?: Partial<DispatchSettings & WorkOrderSettings>; notify?: NotifyUsers }) {
  // Unset values (a partial configuration) keep their defaults.
  const given = Object.fromEntries(Object.entries(deps.settings ?? {}).filter(([, v]) => v !== undefined));
  const settings = { ...DEFAULT_WORK_ORDER_SETTINGS, ...given };
  const dispatch = createDispatchService({ db: deps.db, audit: deps.audit, settings });
  const workOrders = createWorkOrdersService({ db: deps.db, audit: deps.audit, dispatch, files: deps.files, settings, notify: deps.notify });
  deps.files.registerOwner(workOrders.fileOwner);
  return {
    dispatch,
    workOrders,
    /** Run after migrations at every start: moves photos still stored in the database into the file store. */
    moveLegacyPhotos: () => moveLegacyPhotos({ db: deps.db, files: deps.files }),
  };
}

export type WorkOrderServices = ReturnType<typeof createWorkOrderServices>;

/** For the OpenAPI description and the README. */
export const WORK_ORDERS_API_DESCRIPTION = `

## Work orders and smart dispatch
Work orders (\`/api/work-orders\`) come from alarms (via \`/api/dispatch-rules\`), patrols, inspections, member and
enterprise requests and operators. Smart dispatch predicts category and team from the park's own closed orders
(\`/api/dispatch/model\`); above the confidence threshold an order is dispatched at once, below it waits in triage
(\`?triage=true\`) for an operator, whose corrections become training data. Lifecycle: new → dispatched → accepted →
in_progress → resolved → verified → closed, with reopen; every step is in \`events\` and the audit log.`;
