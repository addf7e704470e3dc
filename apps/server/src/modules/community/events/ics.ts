import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  status: 'published' | 'cancelled';
  sequence: number;
  updatedAt: Date;
  createdAt: Date;
  tentative?: boolean;
}

/**
 * iCalendar (RFC 5545) for events, through ical-generator (CRLF line ends,
 * lines folded at 75 octets, TEXT escaping). Every VEVENT has UID (stable per
 * event) and DTSTAMP; times are UTC; `METHOD:PUBLISH` as RFC 5546 asks of feeds;
 * SEQUENCE grows with each change so calendar apps take the update.
 */
export function renderCalendar(options: { name: string; events: IcsEvent[]; baseUrl: string }): string {
  const cal = ical({ name: options.name, method: ICalCalendarMethod.PUBLISH, prodId: { company: 'ParkOS', product: 'events', language: 'ZH' }, ttl: 3600 });
  for (const e of options.events) {
    cal.createEvent({
      id: `${e.id}@parkos`,
      summary: e.title,
      description: e.description || null,
      location: e.location,
      start: e.startsAt,
      end: e.endsAt,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      sequence: e.sequence,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : e.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      url: `${options.baseUrl}/events/${e.id}`,
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : text + '\r\n';
}
