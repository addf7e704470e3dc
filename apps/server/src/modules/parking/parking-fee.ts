/**
 * Parking fee (停车费) rules of a lot — the "rate" of the APDS model (ISO/TS 5206-1),
 * kept apart from rights (passes, enterprise-paid plates) and sessions.
 */
export interface ParkingRate {
  /** Stays up to this long are free (grace period); longer stays are charged from entry. */
  freeMinutes: number;
  /** Day rate per started hour, in fen. */
  hourlyFen: number;
  /** Most a vehicle pays per calendar day (Asia/Shanghai), in fen; null for no cap. */
  dailyCapFen: number | null;
  /** Night window as minutes after local midnight, e.g. 22:00 → 1320; null for no night rate. */
  nightStartMinute: number | null;
  nightEndMinute: number | null;
  /** Rate per started hour that begins inside the night window, in fen. */
  nightHourlyFen: number | null;
}

export interface FeeLine {
  /** Local (Asia/Shanghai) calendar day `YYYY-MM-DD`. */
  day: string;
  dayHours: number;
  nightHours: number;
  chargedFen: number;
  capped: boolean;
}

export interface FeeResult {
  feeFen: number;
  minutes: number;
  free: boolean;
  lines: FeeLine[];
}

/** China Standard Time has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function localParts(t: number): { day: string; minuteOfDay: number } {
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return { day: d.toISOString().slice(0, 10), minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

function inNight(rate: ParkingRate, minuteOfDay: number): boolean {
  const { nightStartMinute: s, nightEndMinute: e } = rate;
  if (s === null || e === null || rate.nightHourlyFen === null || s === e) return false;
  return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
}

/**
 * The fee for a stay, a pure function of entry, exit and the rate. The stay is cut into
 * started hours counted from entry; each hour is charged at the night rate when it starts
 * inside the night window, and belongs to the local day it starts in; each day's sum is
 * capped at `dailyCapFen`. A stay within `freeMinutes` costs nothing.
 */
export function computeParkingFee(entryAt: Date, exitAt: Date, rate: ParkingRate): FeeResult {
  const ms = Math.max(0, exitAt.getTime() - entryAt.getTime());
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= rate.freeMinutes) return { feeFen: 0, minutes, free: true, lines: [] };
  const hours = Math.ceil(minutes / 60);
  const byDay = new Map<string, FeeLine & { rawFen: number }>();
  for (let h = 0; h < hours; h++) {
    const { day, minuteOfDay } = localParts(entryAt.getTime() + h * 3600_000);
    const line = byDay.get(day) ?? { day, dayHours: 0, nightHours: 0, chargedFen: 0, capped: false, rawFen: 0 };
    if (inNight(rate, minuteOfDay)) {
      line.nightHours++;
      line.rawFen += rate.nightHourlyFen!;
    } else {
      line.dayHours++;
      line.rawFen += rate.hourlyFen;
    }
    byDay.set(day, line);
  }
  const lines: FeeLine[] = [...byDay.values()].map(({ rawFen, ...l }) => {
    const capped = rate.dailyCapFen !== null && rawFen > rate.dailyCapFen;
    return { ...l, chargedFen: capped ? rate.dailyCapFen! : rawFen, capped };
  });
  return { feeFen: lines.reduce((a, l) => a + l.chargedFen, 0), minutes, free: false, lines };
}

/** `"22:00"` → 1320. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
