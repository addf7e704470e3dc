import { Duplex } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { MqttPacketGuard, type PacketGuardRefusal } from './mqtt-packet-guard';

/** A connection's far end: what the device sends arrives as `data`; what the guard writes is collected. */
function fakeConnection() {
  const written: Buffer[] = [];
  const inner = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      written.push(chunk);
      cb();
    },
  });
  return { inner, written, send: (b: Buffer) => inner.push(b) };
}

/** An MQTT packet of a given type with `n` body bytes (the remaining length encoded as MQTT does). */
function packet(firstByte: number, n: number): Buffer {
  const len: number[] = [];
  let x = n;
  do {
    let byte = x % 128;
    x = Math.floor(x / 128);
    if (x > 0) byte |= 0x80;
    len.push(byte);
  } while (x > 0);
  return Buffer.concat([Buffer.from([firstByte, ...len]), Buffer.alloc(n, 7)]);
}

function guarded(limits = { maxUnauthenticatedBytes: 100, maxPacketBytes: 1000 }) {
  const conn = fakeConnection();
  const refusals: PacketGuardRefusal[] = [];
  const guard = new MqttPacketGuard(conn.inner, { ...limits, onRefusal: (r) => refusals.push(r) });
  const passed: Buffer[] = [];
  guard.on('data', (b: Buffer) => passed.push(b));
  guard.on('error', () => undefined);
  return { ...conn, guard, refusals, passed: () => Buffer.concat(passed) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('MQTT packet guard', () => {
  test('packets within the limit pass through unchanged, whatever the chunking (length bytes split across chunks)', async () => {
    const g = guarded();
    g.guard.admit();
    const stream = Buffer.concat([packet(0x10, 50), packet(0x30, 999), packet(0xc0, 0), packet(0x32, 200)]);
    for (let i = 0; i < stream.length; i += 3) g.send(stream.subarray(i, i + 3));
    await tick();
    expect(g.passed().equals(stream)).toBe(true);
    expect(g.refusals).toEqual([]);
    expect(g.guard.destroyed).toBe(false);
  });

  test('before admit() the small limit applies; a header announcing more cuts the connection before its body is read', async () => {
    const g = guarded();
    g.send(packet(0x10, 100));
    await tick();
    expect(g.guard.destroyed).toBe(false);
    // 250 MB announced: only the five header bytes are needed to refuse it.
    g.send(Buffer.from([0x10, 0x80, 0xe5, 0x9a, 0x77]));
    await tick();
    expect(g.refusals).toEqual([{ reason: 'too_large', announced: 250_000_000, limit: 100, authenticated: false }]);
    expect(g.guard.destroyed).toBe(true);
    expect(g.inner.destroyed).toBe(true);
    // Nothing of the refused packet reached the broker.
    expect(g.passed().length).toBe(102);
  });

  test('after admit() packets up to the larger limit pass and a larger one is refused', async () => {
    const g = guarded();
    g.send(packet(0x10, 20));
    g.guard.admit();
    g.send(packet(0x30, 1000));
    await tick();
    expect(g.guard.destroyed).toBe(false);
    g.send(packet(0x30, 1001).subarray(0, 4));
    await tick();
    expect(g.refusals).toEqual([{ reason: 'too_large', announced: 1001, limit: 1000, authenticated: true }]);
    expect(g.inner.destroyed).toBe(true);
  });

  test('a remaining length with a fifth length byte is malformed and cut', async () => {
    const g = guarded();
    g.send(Buffer.from([0x10, 0x80, 0x80, 0x80, 0x80, 0x01]));
    await tick();
    expect(g.refusals).toEqual([{ reason: 'malformed_length' }]);
    expect(g.guard.destroyed).toBe(true);
  });

  test('a packet written in corked pieces (as MQTT.js writes) reaches the connection as one write', async () => {
    const g = guarded();
    g.guard.cork();
    for (const piece of [[0x40], [0x02], [0x00, 0x01]]) g.guard.write(Buffer.from(piece));
    process.nextTick(() => g.guard.uncork());
    await tick();
    // One segment per packet: piece by piece, Nagle and delayed ACKs cut QoS 1 throughput about sevenfold.
    expect(g.written).toEqual([Buffer.from([0x40, 0x02, 0x00, 0x01])]);
  });

  test('writes reach the connection, and closing the connection closes the guard', async () => {
    const g = guarded();
    g.guard.write(Buffer.from([0x20, 0x02, 0x00, 0x00]));
    await tick();
    expect(Buffer.concat(g.written)).toEqual(Buffer.from([0x20, 0x02, 0x00, 0x00]));
    g.inner.destroy();
    await tick();
    expect(g.guard.destroyed).toBe(true);
  });
});
