export { eventsRoutes } from './events.routes';
export { createEventsService, type EventsService, CHECK_IN_PREFIX } from './events.service';
export { startEventReminderJob, createEventReminderJob } from './events.jobs';
