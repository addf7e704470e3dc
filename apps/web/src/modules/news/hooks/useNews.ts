import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createArticle,
  findArticles,
  findFeed,
  getArticle,
  getFeedArticle,
  markRead,
  pinArticle,
  publishArticle,
  unpublishArticle,
  updateArticle,
  type ArticleInput,
  type NewsCategory,
  type NewsStatus,
} from '../api/news.api';

/** Operators: the articles they manage. */
export function useManagedArticles(query: { page: number; pageSize: number; status?: NewsStatus; q?: string }) {
  return useQuery({ queryKey: ['news', 'managed', query], queryFn: () => findArticles(query) });
}

/** Operators: one article with its body, for editing. */
export function useManagedArticle(id: string | undefined) {
  return useQuery({ queryKey: ['news', 'managed', 'one', id], queryFn: () => getArticle(id!), enabled: Boolean(id) });
}

/** The reader's feed. */
export function useNewsFeed(query: { page: number; pageSize: number; category?: NewsCategory }) {
  return useQuery({ queryKey: ['news', 'feed', query], queryFn: () => findFeed(query) });
}

/** One article of the feed. */
export function useFeedArticle(id: string | undefined) {
  return useQuery({ queryKey: ['news', 'feed', 'one', id], queryFn: () => getFeedArticle(id!), enabled: Boolean(id) });
}

/** Counts the reader once; the answer carries the unique-reader count. */
export function useMarkRead() {
  return useMutation({ mutationFn: markRead });
}

/** Create, edit, publish or schedule, withdraw and pin articles. */
export function useNewsMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['news'] });
  return {
    create: useMutation({ mutationFn: (input: ArticleInput) => createArticle(input), onSuccess }),
    update: useMutation({ mutationFn: (v: { id: string; input: Parameters<typeof updateArticle>[1] }) => updateArticle(v.id, v.input), onSuccess }),
    publish: useMutation({ mutationFn: (v: { id: string; publishAt?: string | null }) => publishArticle(v.id, v.publishAt), onSuccess }),
    unpublish: useMutation({ mutationFn: unpublishArticle, onSuccess }),
    pin: useMutation({ mutationFn: (v: { id: string; pinned: boolean }) => pinArticle(v.id, v.pinned), onSuccess }),
  };
}
