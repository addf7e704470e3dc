import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema } from '../../../lib/http';
import type { DeviceService } from '../device.service';
import { importResultSchema } from '../iot.schema';
import { MAX_XLSX_BYTES, readXlsxRows } from './xlsx';

export const importXlsxBody = z.object({
  parkId: z.string().uuid(),
  xlsx: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_XLSX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .describe('The .xlsx file, base64-encoded; its first worksheet, row 1 the header (same columns as the CSV import)'),
  mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
});

/** Device import from Excel: the CSV import's rules and per-row error report. */
export const deviceImportRoutes: FastifyPluginAsyncZod<{ devices: DeviceService }> = async (app, { devices }) => {
  app.post(
    '/devices/import/xlsx',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags: ['devices'], summary: 'Import devices from an Excel workbook (.xlsx) with a per-row error report', body: importXlsxBody, response: { 200: importResultSchema, ...errorResponses, 409: errorSchema } },
    },
    async (r) => {
      const rows = await readXlsxRows(Buffer.from(r.body.xlsx, 'base64'));
      return devices.importDevices(ctxOf(r), { parkId: r.body.parkId, rows, mode: r.body.mode, field: 'body.xlsx' });
    },
  );
};
