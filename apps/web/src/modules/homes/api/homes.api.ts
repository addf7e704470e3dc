import { api } from '../../../lib/api-client';

/** Park-level figures a park publishes to its alliance: counts and areas, no tenant names. */
export interface ParkFigures {
  id: string;
  name: string;
  city: string | null;
  enterprises: number;
  buildings: number;
  area: number;
  leasedArea: number;
  occupancy: number;
}

export const findParkFigures = () => api.get<ParkFigures[]>('/park-figures');
