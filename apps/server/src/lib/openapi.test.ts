import { describe, expect, test } from 'vitest';
import { operationIdFor } from './openapi';

describe('operationIdFor', () => {
  test.each([
    ['GET', '/api/events', 'getEvents'],
    ['GET', '/api/events/:id/ics', 'getEventsByIdIcs'],
    ['POST', '/api/events/:id/registrations/:registrationId/decision', 'postEventsByIdRegistrationsByRegistrationIdDecision'],
    ['DELETE', '/api/telemetry-retention/:deviceType', 'deleteTelemetryRetentionByDeviceType'],
    ['GET', '/api/.well-known/parkos-ledger-key', 'getWellKnownParkosLedgerKey'],
    ['PUT', '/api/work-order-sla', 'putWorkOrderSla'],
    ['GET', '/api/event-feeds/{token}', 'getEventFeedsByToken'],
  ])('%s %s → %s', (method, url, id) => {
    expect(operationIdFor(method, url)).toBe(id);
  });

  test('a parameter and a literal segment of the same name give different ids', () => {
    expect(operationIdFor('GET', '/api/parks/:id')).not.toBe(operationIdFor('GET', '/api/parks/id'));
  });
});
