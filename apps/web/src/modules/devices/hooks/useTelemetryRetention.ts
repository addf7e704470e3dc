import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeviceType } from '@parkos/contracts';
import { getTelemetryRetention, resetTelemetryRetention, updateTelemetryRetention, type RetentionInput } from '../api/history.api';

/** Retention per device type and the rollup job's progress. */
export function useTelemetryRetention() {
  return useQuery({ queryKey: ['telemetry-retention'], queryFn: getTelemetryRetention });
}

/** Change or reset one device type's retention. */
export function useTelemetryRetentionMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['telemetry-retention'] });
  return {
    update: useMutation({ mutationFn: ({ type, input }: { type: DeviceType; input: RetentionInput }) => updateTelemetryRetention(type, input), onSuccess }),
    reset: useMutation({ mutationFn: (type: DeviceType) => resetTelemetryRetention(type), onSuccess }),
  };
}
