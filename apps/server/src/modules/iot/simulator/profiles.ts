import fs from 'node:fs';
import { METRIC_CATALOG, type DeviceType, type MetricName } from '../metrics';

/** Deterministic pseudo-random numbers (mulberry32), so a simulation can be replayed. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One office reading of the UCI occupancy detection data set (Candanedo & Feldheim 2016). */
export interface OfficeReading {
  temperature: number;
  humidity: number;
  illuminance: number;
  co2: number;
}

/**
 * Reads the UCI "Occupancy Detection" files (`"id","date",Temperature,Humidity,Light,CO2,HumidityRatio,Occupancy`,
 * one row a minute). Unreadable rows are skipped; a missing folder gives an empty list.
 */
export function loadOfficeReadings(dir: string): OfficeReading[] {
  const out: OfficeReading[] = [];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return out;
  }
  for (const file of files) {
    const lines = fs.readFileSync(`${dir}/${file}`, 'utf8').split(/\r?\n/);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      if (cells.length < 7) continue;
      const [temperature, humidity, illuminance, co2] = cells.slice(2, 6).map(Number);
      if ([temperature, humidity, illuminance, co2].every(Number.isFinite)) out.push({ temperature, humidity, illuminance, co2 });
    }
  }
  return out;
}

/** What a simulated device reports at one moment: metric → value. */
export type Reading = Record<string, number>;

/** A device's generator: called with the time, it returns the readings of one message. */
export type ValueGenerator = (ts: number) => Reading;

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
/** Fraction of the working day's activity at a time (0 at night, ~1 mid-morning and mid-afternoon, China time). */
export function activityAt(ts: number): number {
  const hour = ((ts / 3_600_000 + 8) % 24 + 24) % 24;
  const weekday = new Date(ts + 8 * 3_600_000).getUTCDay();
  const work = hour >= 8 && hour < 19 ? Math.sin(((hour - 8) / 11) * Math.PI) : 0;
  return weekday === 0 || weekday === 6 ? work * 0.25 : work;
}

/** Outdoor-ish daily temperature swing: coolest before dawn, warmest mid-afternoon. */
function dailySwing(ts: number): number {
  const hour = ((ts / 3_600_000 + 8) % 24 + 24) % 24;
  return Math.sin(((hour - 9) / 24) * 2 * Math.PI);
}

/**
 * A realistic generator per device type: environment sensors follow office
 * hours (or replay the UCI office data when given), meters count up
 * cumulatively, parking spaces flip between free and occupied with the day.
 */
export function createGenerator(type: DeviceType, options: { seed: number; office?: OfficeReading[] }): ValueGenerator {
  const rnd = createPrng(options.seed);
  const noise = (scale: number) => (rnd() - 0.5) * 2 * scale;
  const base = rnd();
  switch (type) {
    case 'environment_sensor': {
      const office = options.office && options.office.length > 0 ? options.office : undefined;
      let cursor = Math.floor(base * (office?.length ?? 1));
      let pm25 = 20 + base * 30;
      return (ts) => {
        pm25 = Math.max(3, pm25 + noise(2) + (35 - pm25) * 0.02);
        if (office) {
          const row = office[cursor++ % office.length];
          return { temperature: round(row.temperature), humidity: round(row.humidity), co2: round(row.co2, 1), illuminance: round(row.illuminance, 1), pm25: round(pm25, 1) };
        }
        const a = activityAt(ts);
        return {
          temperature: round(21 + base * 2 + 2 * a + 0.8 * dailySwing(ts) + noise(0.15)),
          humidity: round(38 + base * 10 - 4 * a + noise(0.6)),
          co2: round(420 + 650 * a * (0.8 + base * 0.4) + noise(15), 1),
          illuminance: round(a > 0 ? 300 + 250 * a + noise(20) : 5 + noise(2), 1),
          pm25: round(pm25, 1),
        };
      };
    }
    case 'energy_meter': {
      let kwh = 10_000 + base * 50_000;
      let last: number | undefined;
      const peakKw = 40 + base * 160;
      return (ts) => {
        const kw = Math.max(0.5, peakKw * (0.15 + 0.85 * activityAt(ts)) + noise(peakKw * 0.03));
        if (last !== undefined) kwh += (kw * Math.max(0, ts - last)) / 3_600_000;
        last = ts;
        return { power_kw: round(kw), energy_kwh: round(kwh, 3), voltage: round(230 + noise(3), 1), current: round((kw * 1000) / (230 * 3 * 0.95), 1) };
      };
    }
    case 'water_meter': {
      let m3 = 1_000 + base * 9_000;
      let last: number | undefined;
      return (ts) => {
        const flow = Math.max(0, (0.2 + 3.5 * activityAt(ts)) * (0.6 + base * 0.8) + noise(0.15));
        if (last !== undefined) m3 += (flow * Math.max(0, ts - last)) / 3_600_000;
        last = ts;
        return { water_m3: round(m3, 4), flow_m3h: round(flow, 3) };
      };
    }
    case 'parking_sensor': {
      let occupied = rnd() < 0.5 ? 1 : 0;
      return (ts) => {
        // Busier spaces in working hours; a space changes state rarely.
        const target = 0.15 + 0.8 * activityAt(ts);
        if (occupied === 0 && rnd() < target * 0.08) occupied = 1;
        else if (occupied === 1 && rnd() < (1 - target) * 0.08) occupied = 0;
        return { occupied, battery: round(95 - base * 20, 0) };
      };
    }
    case 'camera':
    case 'gate_camera': {
      return (ts): Reading => {
        const a = activityAt(ts);
        return type === 'camera' ? { people_count: Math.max(0, Math.round(a * (20 + base * 60) + noise(4))) } : { vehicle_count: Math.max(0, Math.round(a * (8 + base * 20) + noise(2))) };
      };
    }
    case 'fire_panel':
      return (ts) => ({ smoke: 0, fire_alarm: 0, temperature: round(22 + dailySwing(ts) + noise(0.2)) });
    case 'thermal_camera':
      // One message is one person screened at the entrance: mostly 36.2–37.0 °C, about one in 300 a fever.
      return (ts) => ({ body_temp: rnd() < 1 / 300 ? round(37.4 + rnd() * 1.2, 1) : round(36.2 + rnd() * 0.8, 1), people_count: Math.max(0, Math.round(activityAt(ts) * 30 + noise(3))) });
    case 'drone':
      return () => ({ altitude_m: round(60 + noise(15), 1), battery: round(40 + base * 60, 0), temperature: round(24 + noise(1)) });
    case 'generic':
      return (ts) => ({ temperature: round(22 + dailySwing(ts) + noise(0.3)) });
    case 'irrigation_valve':
      return (ts) => ({ soil_moisture: round(35 + 10 * dailySwing(ts) + noise(1), 1), flow_m3h: 0 });
    case 'lighting':
      return (ts) => ({ power_kw: round(0.2 + 1.5 * activityAt(ts) + noise(0.05)), illuminance: round(200 + 300 * activityAt(ts) + noise(10), 1) });
    case 'air_conditioner':
      return (ts) => ({ temperature: round(24 + noise(0.3)), humidity: round(45 + noise(1)), power_kw: round(1 + 4 * activityAt(ts) + noise(0.1)) });
    case 'barrier_gate':
      return (ts) => ({ vehicle_count: Math.max(0, Math.round(activityAt(ts) * (8 + base * 20) + noise(2))) });
  }
}

/**
 * A spike: what a faulty or alarming sensor sends for one reading — far out of the usual range, but
 * within the metric's plausible range (which ParkOS would reject), so that it is stored and trips alarm rules.
 */
export function spikeOf(reading: Reading, rnd: () => number): Reading {
  const metrics = Object.keys(reading).filter((m) => !['occupied', 'smoke', 'fire_alarm', 'energy_kwh', 'water_m3'].includes(m));
  if (metrics.length === 0) return reading;
  const m = metrics[Math.floor(rnd() * metrics.length)];
  const v = reading[m];
  const spec = Object.hasOwn(METRIC_CATALOG, m) ? METRIC_CATALOG[m as MetricName] : undefined;
  let spiked = round(m === 'temperature' || m === 'body_temp' ? v + 25 + rnd() * 20 : v * (4 + rnd() * 6) + 100);
  if (spec) spiked = Math.min(spec.max, Math.max(spec.min, spec.kind === 'number' ? spiked : Math.round(spiked)));
  return { ...reading, [m]: spiked };
}

/** Bad payloads a faulty device sends: each is rejected and counted against the device. */
export const BAD_PAYLOADS = ['{"metric": "temperature", "value": ', '{"metric":"warp_core","value":1}', '{"metric":"temperature","value":"hot"}', '[1,2,3]'] as const;
