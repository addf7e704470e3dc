import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { issueDeviceCommand, listDeviceCommands } from '../api/commands.api';

/** A device's commands; polled every second while one is still waiting for the device. */
export function useDeviceCommands(deviceId: string) {
  return useQuery({
    queryKey: ['devices', 'commands', deviceId],
    queryFn: () => listDeviceCommands(deviceId),
    refetchInterval: (q) => (q.state.data?.some((c) => c.status === 'pending' || c.status === 'sent') ? 1_000 : 10_000),
  });
}

export function useIssueCommand(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { command: string; params?: Record<string, number> }) => issueDeviceCommand(deviceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['devices', 'commands', deviceId] }),
  });
}
