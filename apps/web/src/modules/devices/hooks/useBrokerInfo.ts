import { useQuery } from '@tanstack/react-query';
import { getBrokerInfo } from '../api/broker.api';

/** The broker's address and topic scheme; changes only with the deployment. */
export function useBrokerInfo() {
  return useQuery({ queryKey: ['iot', 'broker'], queryFn: getBrokerInfo, staleTime: 5 * 60_000 });
}
