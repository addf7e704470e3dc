import type { FormDefinition } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

export type Cadence = 'daily' | 'weekly';
export type Target = 'park' | 'site' | 'building';
export type FlagCode = 'previous_period_change' | 'exceeds_members' | 'gate_scans_low' | 'parking_entries_high';

export interface Thresholds {
  previousChangePct: number;
  previousChangePeople: number;
  membersMarginPeople: number;
  gateScanMinRatio: number;
  gateScanGapPeople: number;
  parkingMarginVehicles: number;
}

export interface Period {
  start: string;
  end: string;
  deadline: string;
}

/** A return-to-work reporting campaign (复工台账填报任务). */
export interface Campaign {
  id: string;
  parkId: string;
  name: string;
  cadence: Cadence;
  startDate: string;
  endDate: string;
  deadlineTime: string;
  target: Target;
  siteId: string | null;
  buildingId: string | null;
  form: FormDefinition;
  thresholds: Thresholds;
  status: 'open' | 'closed';
  createdAt: string;
  periods: Period[];
  currentPeriod: Period | null;
  mySubmittedCurrent: boolean | null;
}

export interface Flag {
  id: string;
  submissionId: string;
  enterpriseId: string;
  enterpriseName: string;
  periodStart: string;
  code: FlagCode;
  params: Record<string, number>;
  status: 'open' | 'followed_up';
  note: string | null;
  followedUpAt: string | null;
}

export interface Submission {
  id: string;
  campaignId: string;
  enterpriseId: string;
  enterpriseName: string;
  buildingName: string | null;
  periodStart: string;
  values: Record<string, unknown>;
  peopleOnSite: number;
  peopleReturned: number;
  revision: number;
  submittedAt: string;
  isLate: boolean;
  flags: Flag[];
}

export interface Overview {
  periods: { start: string; expected: number; submitted: number; rate: number; flags: number; openFlags: number }[];
  buildings: { buildingId: string | null; buildingName: string | null; series: { start: string; expected: number; submitted: number; peopleOnSite: number }[] }[];
  missing: { enterpriseId: string; enterpriseName: string; periodStart: string; reminded: boolean }[];
  flags: Flag[];
}

export interface CampaignInput {
  parkId: string;
  name: string;
  cadence: Cadence;
  startDate: string;
  endDate: string;
  deadlineTime: string;
  target: Target;
  siteId?: string | null;
  buildingId?: string | null;
  extraForm?: FormDefinition;
  thresholds?: Partial<Thresholds>;
}

const base = '/return-to-work';
export const findCampaigns = () => api.get<Campaign[]>(`${base}/campaigns`);
export const getCampaign = (id: string) => api.get<Campaign>(`${base}/campaigns/${id}`);
export const createCampaign = (input: CampaignInput) => api.post<Campaign>(`${base}/campaigns`, input);
export const updateCampaign = (id: string, input: { name?: string; endDate?: string }) => api.patch<Campaign>(`${base}/campaigns/${id}`, input);
export const closeCampaign = (id: string) => api.post<Campaign>(`${base}/campaigns/${id}/close`);
export const findSubmissions = (id: string, query: { periodStart?: string } = {}) => api.get<Submission[]>(`${base}/campaigns/${id}/submissions`, query);
export const submitReport = (id: string, body: { periodStart: string; values: Record<string, unknown>; enterpriseId?: string }) => api.post<Submission>(`${base}/campaigns/${id}/submissions`, body);
export const getOverview = (id: string) => api.get<Overview>(`${base}/campaigns/${id}/overview`);
export const followUpFlag = (id: string, note: string) => api.post<Flag>(`${base}/flags/${id}/follow-up`, { note });
/** The Excel export's URL (same origin: the session cookie goes along). */
export const exportUrlOf = (id: string) => `/api${base}/campaigns/${id}/export`;
