import { api } from '../../../lib/api-client';

/** A contract of a property company for one district (物业服务合同). */
export interface PropertyContract {
  id: string;
  propertyCompanyId: string;
  districtId: string;
  parkId: string;
  startDate: string;
  endDate: string;
  annualFeeFen: number;
  districtName: string;
  siteName: string;
}

/** A property-management company (物业公司) with its contracts. */
export interface PropertyCompany {
  id: string;
  name: string;
  creditCode: string;
  contactName: string | null;
  contactPhone: string | null;
  contracts: PropertyContract[];
}

export const findPropertyCompanies = () => api.get<PropertyCompany[]>('/property-companies');
export const createPropertyCompany = (input: { name: string; creditCode: string; contactName?: string | null; contactPhone?: string | null }) =>
  api.post<PropertyCompany>('/property-companies', input);
export const createPropertyContract = (input: { propertyCompanyId: string; districtId: string; startDate: string; endDate: string; annualFeeFen: number }) =>
  api.post<PropertyContract>('/property-contracts', input);
export const deletePropertyContract = (id: string) => api.delete(`/property-contracts/${id}`);
