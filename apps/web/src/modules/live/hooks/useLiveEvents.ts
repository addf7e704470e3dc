import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { subscribeLive, type LiveEvent } from '../api/live-source';

/** Calls `onEvent` for every live event while mounted; returns whether the stream is connected. */
export function useLiveEvents(onEvent?: (event: LiveEvent) => void): boolean {
  const handler = useRef(onEvent);
  const [isConnected, setIsConnected] = useState(false);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(
    () =>
      subscribeLive((event) => {
        if (event.type === 'connection') setIsConnected(event.isConnected);
        handler.current?.(event);
      }),
    [],
  );
  return isConnected;
}

/**
 * Refetches queries when live events arrive: alarm events at once, device
 * events at most once per `deviceThrottleMs` (telemetry can be frequent).
 */
export function useLiveRefresh(options: { onAlarms?: QueryKey[]; onDevices?: QueryKey[]; deviceThrottleMs?: number }): boolean {
  const client = useQueryClient();
  const lastDevices = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { onAlarms = [], onDevices = [], deviceThrottleMs = 1_000 } = options;
  const keys = useRef({ onAlarms, onDevices });
  useEffect(() => {
    keys.current = { onAlarms, onDevices };
  });
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  return useLiveEvents((event) => {
    if (event.type === 'alarms') {
      for (const key of keys.current.onAlarms) void client.invalidateQueries({ queryKey: key });
    } else if (event.type === 'devices' && keys.current.onDevices.length) {
      const run = () => {
        lastDevices.current = Date.now();
        pending.current = null;
        for (const key of keys.current.onDevices) void client.invalidateQueries({ queryKey: key });
      };
      const wait = lastDevices.current + deviceThrottleMs - Date.now();
      if (wait <= 0) run();
      else if (!pending.current) pending.current = setTimeout(run, wait);
    } else if (event.type === 'connection' && event.isConnected) {
      // After a reconnect, catch up on anything missed.
      for (const key of [...keys.current.onAlarms, ...keys.current.onDevices]) void client.invalidateQueries({ queryKey: key });
    }
  });
}
