import type { FormDefinition } from '@parkos/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Asks the server to validate a definition and values against it (nothing is stored); throws ApiError 400 naming each field. */
export function checkForm(definition: FormDefinition, values: Record<string, unknown>): Promise<{ ok: true; schema: Record<string, unknown> }> {
  return apiRequest('/forms/check', { method: 'POST', body: { definition, values } });
}
