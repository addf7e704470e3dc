import { Duplex } from 'node:stream';

/** Why a guarded connection was cut. */
export type PacketGuardRefusal = { reason: 'too_large'; announced: number; limit: number; authenticated: boolean } | { reason: 'malformed_length' };

export interface MqttPacketGuardOptions {
  /** Largest packet (remaining length) accepted before `admit()`: the CONNECT and anything sent before CONNACK. */
  maxUnauthenticatedBytes: number;
  /** Largest packet accepted after `admit()`. */
  maxPacketBytes: number;
  /** Called once when a packet announces more than its limit, before the connection is destroyed. */
  onRefusal?: (refusal: PacketGuardRefusal) => void;
}

/** The inner connection: a TCP socket or a WebSocket stream. */
type Inner = Duplex;

// Fixed header parsing states.
const HEADER = 0;
const LENGTH = 1;
const BODY = 2;

/**
 * Sits between a device's connection and Aedes, which has no packet-size limit
 * of its own: its parser (mqtt-packet) buffers whatever remaining length a
 * packet announces, so one unauthenticated socket announcing 250 MB makes the
 * server hold 250 MB. The guard follows the MQTT framing itself (fixed header
 * byte, remaining-length varint, then skips the body without copying) and
 * destroys the connection as soon as a header announces more than the limit,
 * before the body is read. The limit is small until the broker has
 * authenticated the device (`admit()`), then the payload limit plus headroom.
 *
 * Everything else passes through unchanged, with backpressure both ways: while
 * Aedes does not read (it pauses a client during authentication), the guard's
 * buffer fills and the socket stops being read.
 */
export class MqttPacketGuard extends Duplex {
  readonly inner: Inner;
  private limit: number;
  private readonly maxPacketBytes: number;
  private readonly onRefusal?: (refusal: PacketGuardRefusal) => void;
  private authenticated = false;
  private state = HEADER;
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(inner: Inner, options: MqttPacketGuardOptions) {
    super({ allowHalfOpen: false });
    this.inner = inner;
    this.limit = options.maxUnauthenticatedBytes;
    this.maxPacketBytes = options.maxPacketBytes;
    this.onRefusal = options.onRefusal;
    inner.on('data', (chunk: Buffer) => {
      if (this.destroyed) return;
      if (!this.inspect(chunk)) return;
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => this.destroy());
  }

  /** The device is authenticated: from now on packets up to `maxPacketBytes` pass. */
  admit(): void {
    this.authenticated = true;
    this.limit = this.maxPacketBytes;
  }

  /** Follows the framing over one chunk; false when the connection was cut. */
  private inspect(chunk: Buffer): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === BODY) {
        const skip = Math.min(this.remaining, chunk.length - i);
        this.remaining -= skip;
        i += skip;
        if (this.remaining === 0) this.state = HEADER;
      } else if (this.state === HEADER) {
        i++;
        this.state = LENGTH;
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
      } else {
        const byte = chunk[i++];
        this.length += (byte & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if (byte & 0x80) {
          // MQTT allows at most four length bytes [MQTT-2.2.3].
          if (this.lengthBytes === 4) return this.refuse({ reason: 'malformed_length' });
          continue;
        }
        if (this.length > this.limit) return this.refuse({ reason: 'too_large', announced: this.length, limit: this.limit, authenticated: this.authenticated });
        this.remaining = this.length;
        this.state = this.remaining === 0 ? HEADER : BODY;
      }
    }
    return true;
  }

  private refuse(refusal: PacketGuardRefusal): false {
    this.onRefusal?.(refusal);
    this.destroy();
    return false;
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.inner.write(chunk)) callback();
    else this.inner.once('drain', () => callback());
  }

  // MQTT.js' packet writer corks the stream and writes a packet in several
  // small pieces; passing them on one by one would send a TCP segment each
  // (Nagle and delayed ACKs then stall QoS 1 at ~1,000 msg/s). One write per batch.
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const data = chunks.length === 1 ? chunks[0].chunk : Buffer.concat(chunks.map((c) => c.chunk));
    this._write(data, 'binary', callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inner.end();
    callback();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(err);
  }
}
