import net from 'node:net';
import { Aedes } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

/**
 * The embedded MQTT broker (Aedes) for embedded mode. Until devices are
 * registered (IOC module) it accepts no client: every CONNECT is refused
 * as "not authorized", so an open port is never an open broker.
 */
export async function startEmbeddedBroker(options: { port: number; host?: string; log: FastifyBaseLogger; authenticate?: (username: string | undefined, password: Buffer | undefined) => Promise<boolean> }): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  broker.authenticate = (_client, username, password, done) => {
    const check = options.authenticate ?? (async () => false);
    check(username, password).then(
      (ok) => done(null, ok),
      () => done(null, false),
    );
  };
  const server = net.createServer({ noDelay: true }, broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  options.log.info({ port: address.port }, 'embedded MQTT broker listening');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}
