import { COMMAND_STATUSES, DEVICE_COMMAND_NAMES } from '@parkos/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, idParams } from '../../../lib/http';
import type { CommandService } from './commands.service';

export const commandSchema = z.object({
  id: z.string().uuid().describe('Correlation id: the device echoes it in its acknowledgement'),
  deviceId: z.string().uuid(),
  command: z.string(),
  params: z.record(z.string(), z.number()),
  status: z.enum(COMMAND_STATUSES),
  issuedBy: z.object({ kind: z.enum(['user', 'rule']), userId: z.string().uuid().nullable(), ruleId: z.string().uuid().nullable() }),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  issuedAt: z.date(),
  expiresAt: z.date(),
  sentAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  detail: z.string().nullable(),
});

export const issueCommandBody = z.object({
  command: z.enum(DEVICE_COMMAND_NAMES as [string, ...string[]]).describe('One of the commands the device type takes'),
  params: z.record(z.string(), z.number()).optional(),
});

/** Commands to actuators: operators of the device's park or site. */
export const commandRoutes: FastifyPluginAsyncZod<{ commands: CommandService }> = async (app, { commands }) => {
  const tags = ['devices'];
  app.post(
    '/devices/:id/commands',
    {
      schema: {
        tags,
        summary: 'Send a command to an actuator (valve, lights, air conditioning, barrier gate)',
        description:
          'Published QoS 1 to `parkos/{code}/commands` as `{id, command, params, issuedAt, expiresAt}`. The device answers on `parkos/{code}/command-acks` with `{id, status: "ok"|"error", detail?}`. Without an answer it is sent again with backoff, then `timed_out`.',
        params: idParams,
        body: issueCommandBody,
        response: { 201: commandSchema, ...errorResponses },
      },
    },
    async (r, reply) => reply.code(201).send(await commands.issueAsUser(ctxOf(r), r.params.id, r.body)),
  );
  app.get(
    '/devices/:id/commands',
    { schema: { tags, summary: 'A device’s commands, newest first', params: idParams, response: { 200: z.array(commandSchema), ...errorResponses } } },
    async (r) => commands.listForDevice(ctxOf(r), r.params.id),
  );
};
