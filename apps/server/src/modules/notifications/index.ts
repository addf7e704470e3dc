export { notifications } from './notifications.table';
export { createNotificationsService, type NotificationsService, type NotificationInput, type NotifyUsers } from './notifications.service';
export { notificationRoutes } from './notifications.routes';
export { createMailer, type Mailer, type Mail } from './mailer';
