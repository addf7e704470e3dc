import type { EnterpriseSize, Industry } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

/** A tenant enterprise (入驻企业). */
export interface Enterprise {
  id: string;
  parkId: string;
  siteId: string | null;
  legalName: string;
  creditCode: string;
  industry: Industry;
  size: EnterpriseSize;
  employeeCount: number | null;
  businessScope: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  status: 'active' | 'moved_out';
  movedInAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Vehicle {
  id: string;
  enterpriseId: string;
  plate: string;
  ownerName: string | null;
}

export interface ParkingSpace {
  id: string;
  enterpriseId: string;
  spaceCode: string;
  lotName: string;
}

export interface Lease {
  id: string;
  enterpriseId: string;
  unitId: string;
  startDate: string;
  endDate: string;
  monthlyRentFen: number;
  status: string;
  unitCode: string;
  area: number;
  buildingName: string;
  floorName: string;
}

/** The 360° profile of an enterprise. */
export interface EnterpriseProfile extends Enterprise {
  parkName: string | null;
  siteName: string | null;
  vehicles: Vehicle[];
  parkingSpaces: ParkingSpace[];
  leases: Lease[];
  memberCount: number;
  adminCount: number;
}

/** Filters of the enterprise list. */
export interface EnterpriseFilter {
  page: number;
  pageSize: number;
  q?: string;
  industry?: Industry;
  size?: EnterpriseSize;
  siteId?: string;
  parkId?: string;
  status?: 'active' | 'moved_out';
}

/** Fields of the create and edit forms. */
export interface EnterpriseInput {
  parkId: string;
  siteId?: string | null;
  legalName: string;
  creditCode: string;
  industry: Industry;
  size: EnterpriseSize;
  employeeCount?: number | null;
  businessScope?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  movedInAt?: string | null;
}

export const findEnterprises = (filter: EnterpriseFilter) => api.get<Page<Enterprise>>('/enterprises', { ...filter });
export const getEnterprise = (id: string) => api.get<EnterpriseProfile>(`/enterprises/${id}`);
export const createEnterprise = (input: EnterpriseInput) => api.post<Enterprise>('/enterprises', input);
export const updateEnterprise = (id: string, input: Partial<Omit<EnterpriseInput, 'parkId'>> & { status?: 'active' | 'moved_out' }) =>
  api.patch<Enterprise>(`/enterprises/${id}`, input);
export const addVehicle = (id: string, input: { plate: string; ownerName?: string | null }) => api.post<Vehicle>(`/enterprises/${id}/vehicles`, input);
export const removeVehicle = (id: string, vehicleId: string) => api.delete(`/enterprises/${id}/vehicles/${vehicleId}`);
export const addParkingSpace = (id: string, input: { lotName: string; spaceCode: string }) => api.post<ParkingSpace>(`/enterprises/${id}/parking-spaces`, input);
export const removeParkingSpace = (id: string, spaceId: string) => api.delete(`/enterprises/${id}/parking-spaces/${spaceId}`);
/** Puts a draft lease (e.g. drafted from a moved-in lead) in force. */
export const confirmLease = (id: string, leaseId: string) => api.post<Lease>(`/enterprises/${id}/leases/${leaseId}/confirm`);
export const endLease = (id: string, leaseId: string) => api.post<Lease>(`/enterprises/${id}/leases/${leaseId}/end`);

/** A unit that can be leased, as listed by GET /api/units. */
export interface LeasableUnit {
  id: string;
  code: string;
  area: number;
  status: 'vacant' | 'leased' | 'reserved';
  buildingName: string;
  floorName: string;
}
export const findLeasableUnits = (parkId: string) =>
  Promise.all([
    api.get<Page<LeasableUnit>>('/units', { parkId, status: 'vacant', pageSize: 500 }),
    api.get<Page<LeasableUnit>>('/units', { parkId, status: 'reserved', pageSize: 500 }),
  ]).then(([vacant, reserved]) => [...vacant.items, ...reserved.items]);
export const createLease = (id: string, input: { unitId: string; startDate: string; endDate: string; monthlyRentFen: number }) =>
  api.post<Lease>(`/enterprises/${id}/leases`, input);
