/** Today's calendar date in Asia/Shanghai (`YYYY-MM-DD`), whatever the browser's zone. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A date `n` days after a calendar date. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the month `n` months after a date's month. */
export function monthStart(date: string, n = 0): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

/** An instant as its Asia/Shanghai date and time (`YYYY-MM-DD HH:MM`): sessions are held in the park, whatever the browser's zone. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
