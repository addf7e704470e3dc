import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';

/** A level of the park structure that can be edited and deleted. */
export type StructureLevel = 'site' | 'district' | 'building' | 'floor' | 'unit';

/**
 * The message to show when deleting a structure item failed: a 409 means something still
 * belongs to it or refers to it (floors, units, leases…), said in the user's language.
 */
export function deleteErrorMessage(t: TFunction, level: StructureLevel, name: string, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t(`structure.deleteBlocked.${level}`, { name });
  return errorMessage(error);
}
