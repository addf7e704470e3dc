import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelShelf, createShelf, findShelves, type ShelfInput } from '../api/shelves.api';

/** Shelves in force or scheduled (optionally those covering one device). */
export function useShelves(query: { deviceId?: string; current?: 'true' }) {
  return useQuery({ queryKey: ['alarm-shelves', query], queryFn: () => findShelves(query), refetchInterval: 30_000 });
}

export function useShelfMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['alarm-shelves'] });
  return {
    create: useMutation({ mutationFn: (input: ShelfInput) => createShelf(input), onSuccess }),
    cancel: useMutation({ mutationFn: (id: string) => cancelShelf(id), onSuccess }),
  };
}
