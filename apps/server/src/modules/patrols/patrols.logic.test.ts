import { describe, expect, test } from 'vitest';
import { circuitAround, parseFinding, parseSnapshot } from './patrols.logic';
import { legPoints } from './patrols.simulator';

describe('flight plans and drone event attributes', () => {
  test('the default plan puts each checkpoint on a circle of the given radius around the centre, in order', () => {
    const centre = { lat: 31.2304, lng: 121.4737 };
    const wps = circuitAround(centre, ['a', 'b', 'c', 'd'], 250);
    expect(wps.map((w) => w.checkpointKey)).toEqual(['a', 'b', 'c', 'd']);
    for (const w of wps) {
      const dy = (w.lat - centre.lat) * 111_320;
      const dx = (w.lng - centre.lng) * 111_320 * Math.cos((centre.lat * Math.PI) / 180);
      expect(Math.hypot(dx, dy)).toBeCloseTo(250, -1);
      expect(w.altitudeM).toBe(60);
    }
    expect(wps[0].lng).toBeGreaterThan(centre.lng);
    expect(wps[1].lat).toBeGreaterThan(centre.lat);
  });

  test.each([
    [{ kind: 'debris', checkpoint: 'b1', lat: 31.2, lng: '121.4', confidence: 0.9, snapshot_url: 'https://x/y.jpg' }, { kind: 'debris', checkpointKey: 'b1', lat: 31.2, lng: 121.4, confidence: 0.9, snapshotUrl: 'https://x/y.jpg' }],
    [{ kind: 'Not A Code!', lat: 'north', snapshot_url: 'javascript:alert(1)' }, { kind: 'other', checkpointKey: null, lat: null, lng: null, confidence: null, snapshotUrl: null }],
    [{}, { kind: 'other', checkpointKey: null, lat: null, lng: null, confidence: null, snapshotUrl: null }],
  ])('a finding’s attributes %j read as %j (codes kept, anything else null, only web addresses as images)', (attrs, expected) => {
    expect(parseFinding(attrs)).toEqual(expected);
  });

  test('a snapshot keeps its checkpoint and a web or file address only', () => {
    expect(parseSnapshot({ checkpoint: 'b1', url: '/api/files/123', lat: 1, lng: 2 })).toEqual({ checkpointKey: 'b1', url: '/api/files/123', lat: 1, lng: 2 });
    expect(parseSnapshot({ url: 'data:image/png;base64,xx' }).url).toBeNull();
  });

  test('the demo flight steps evenly from one waypoint to the next, ending on it', () => {
    const pts = legPoints({ checkpointKey: 'a', lat: 0, lng: 0, altitudeM: 60 }, { checkpointKey: 'b', lat: 1, lng: 2, altitudeM: 80 }, 4);
    expect(pts).toEqual([
      { lat: 0.25, lng: 0.5, altitudeM: 65 },
      { lat: 0.5, lng: 1, altitudeM: 70 },
      { lat: 0.75, lng: 1.5, altitudeM: 75 },
      { lat: 1, lng: 2, altitudeM: 80 },
    ]);
  });
});
