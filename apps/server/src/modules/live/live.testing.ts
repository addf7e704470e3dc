import type { FastifyInstance } from 'fastify';

/** One parsed server-sent event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** A test client of `GET /api/live` over a real socket: collects events, waits for a matching one. */
export interface SseTestClient {
  status: number;
  events: SseEvent[];
  waitFor(predicate: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Logs in through `inject` and returns the session cookie. */
export async function sessionCookie(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'parkos_session')!;
  return `parkos_session=${c.value}`;
}

/** Opens `GET {baseUrl}/api/live` with the cookie; resolves once the `ready` event (or an error status) arrives. */
export async function openSse(baseUrl: string, cookie: string): Promise<SseTestClient> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/live`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const events: SseEvent[] = [];
  const listeners = new Set<() => void>();
  const client: SseTestClient = {
    status: res.status,
    events,
    async waitFor(predicate, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const done = () => {
            listeners.delete(done);
            resolve();
          };
          listeners.add(done);
          setTimeout(done, 50);
        });
      }
    },
    close: () => controller.abort(),
  };
  if (res.status !== 200 || !res.body) return client;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
          for (const l of [...listeners]) l();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await client.waitFor((e) => e.event === 'ready');
  return client;
}
