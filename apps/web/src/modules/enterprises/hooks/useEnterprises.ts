import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { findEnterprises, type EnterpriseFilter } from '../api/enterprises.api';

/** A page of enterprises, keeping the previous page on screen while the next loads. */
export function useEnterprises(filter: EnterpriseFilter) {
  return useQuery({ queryKey: ['enterprises', 'list', filter], queryFn: () => findEnterprises(filter), placeholderData: keepPreviousData });
}
