/**
 * Services (企业服务平台): the service catalog under the eight systems (SERVICE_SYSTEMS in @parkos/contracts) and
 * enterprises' requests for those services.
 *
 * - Operators of a park publish services (`/api/services`): system, names and descriptions in both languages, a
 *   handler (an operator department, a contracted property company or a vendor, with the users who work its queue),
 *   who may apply (enterprise admins, or members too), a form (FormDefinition from the designer), an approval flow
 *   key, an SLA in hours and an optional fee. `booking` and `policy` entries only link to those pages.
 * - A request (`/api/service-requests`) keeps the form it was made with, is validated with the forms module
 *   (400 per field), attaches its file fields (files owner type `service_request`) and runs the service's approval
 *   flow (approvals subject type `service_request`); outcomes set its status, and an approved fee becomes a
 *   `service` bill. Handlers then accept and complete it; the applicant rates it once.
 */
export { createServicesService, SERVICE_REQUEST_SUBJECT, type ServicesService } from './services.service';
export { servicesRoutes } from './services.routes';
