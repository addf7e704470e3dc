import type { Industry, LeadStage } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

/** A prospect of the investment attraction pipeline (招商线索). */
export interface Lead {
  id: string;
  parkId: string;
  companyName: string;
  industry: Industry;
  contactName: string | null;
  contactPhone: string | null;
  stage: LeadStage;
  expectedArea: number | null;
  ownerId: string | null;
  notes: string | null;
  enterpriseId: string | null;
  /** 统一社会信用代码, unit ids and total monthly rent (fen) the lead recorded; moving in drafts leases from them. */
  creditCode: string | null;
  unitIds: string[];
  monthlyRentFen: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Conversion figures of the pipeline. */
export interface LeadFunnel {
  total: number;
  overallConversion: number;
  funnel: { stage: string; count: number; conversionFromPrevious: number | null }[];
  current: { stage: string; count: number }[];
}

export interface LeadInput {
  parkId: string;
  companyName: string;
  industry: Industry;
  contactName?: string | null;
  contactPhone?: string | null;
  expectedArea?: number | null;
  notes?: string | null;
}

export const findLeads = (filter: { parkId?: string; q?: string }) => api.get<Lead[]>('/leads', filter);
export const getLeadFunnel = (parkId?: string) => api.get<LeadFunnel>('/leads/funnel', { parkId });
export const createLead = (input: LeadInput) => api.post<Lead>('/leads', input);
export const updateLeadStage = (id: string, stage: LeadStage) => api.patch<Lead>(`/leads/${id}`, { stage });
/** Moves a lead to 入驻 with its credit code, units and rent: the server links or registers the enterprise and drafts the leases. */
export const moveLeadIn = (id: string, input: { creditCode: string; unitIds: string[]; monthlyRentFen: number }) => api.patch<Lead>(`/leads/${id}`, { stage: 'moved_in', ...input });
export const deleteLead = (id: string) => api.delete(`/leads/${id}`);
