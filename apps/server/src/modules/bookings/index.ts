/**
 * Bookings (共享资源预约): meeting rooms, public technology platforms (公共技术平台) and exhibition
 * halls (展厅) of a park, booked by tenant enterprises by the slot, without overlaps (the resource
 * row is locked for every booking). Paid bookings become `booking` bills through billing's
 * `issueBill`; resources that need approval run an approvals case (subject type `booking`).
 * The cancellation and fee rules are in `createBookingsService`'s comment.
 */
export { createBookingsService, type BookingsService, BOOKING_SUBJECT } from './bookings.service';
export { bookingsRoutes } from './bookings.routes';
export { seedBookingsDemo } from './bookings.seed';
export type { BookingView, ResourceView } from './bookings.schema';
