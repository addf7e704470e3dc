import type { Industry } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export const NEWS_CATEGORIES = ['notice', 'policy', 'event', 'service', 'industry'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];
export const NEWS_TARGETS = ['all', 'park', 'site', 'building', 'industry'] as const;
export type NewsTargetType = (typeof NEWS_TARGETS)[number];
export type NewsStatus = 'draft' | 'published' | 'unpublished';

/** Who an article is for. */
export interface NewsTarget {
  type: NewsTargetType;
  parkId?: string | null;
  siteId?: string | null;
  buildingId?: string | null;
  industry?: Industry | null;
}

/** An article as lists show it. */
export interface Article {
  id: string;
  title: string;
  summary: string | null;
  category: NewsCategory;
  coverImageId: string | null;
  coverUrl: string | null;
  target: { type: NewsTargetType; parkId: string | null; siteId: string | null; buildingId: string | null; industry: string | null };
  status: NewsStatus;
  isLive: boolean;
  publishAt: string | null;
  pinned: boolean;
  readCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleDetail extends Article {
  bodyHtml: string;
}

export interface ArticleInput {
  title: string;
  summary?: string | null;
  bodyHtml: string;
  category: NewsCategory;
  coverImageId?: string | null;
  target: NewsTarget;
  publish?: boolean;
  publishAt?: string | null;
  pinned?: boolean;
}

export interface UploadedImage {
  id: string;
  url: string;
  contentType: string;
  byteSize: number;
}

export const findArticles = (query: { page?: number; pageSize?: number; status?: NewsStatus; q?: string }) => api.get<Page<Article>>('/news/articles', query);
export const getArticle = (id: string) => api.get<ArticleDetail>(`/news/articles/${id}`);
export const createArticle = (input: ArticleInput) => api.post<ArticleDetail>('/news/articles', input);
export const updateArticle = (id: string, input: Partial<Omit<ArticleInput, 'publish' | 'pinned'>>) => api.patch<ArticleDetail>(`/news/articles/${id}`, input);
export const publishArticle = (id: string, publishAt?: string | null) => api.post<ArticleDetail>(`/news/articles/${id}/publish`, { publishAt: publishAt ?? null });
export const unpublishArticle = (id: string) => api.post<ArticleDetail>(`/news/articles/${id}/unpublish`);
export const pinArticle = (id: string, pinned: boolean) => api.post<ArticleDetail>(`/news/articles/${id}/pin`, { pinned });
export const findFeed = (query: { page?: number; pageSize?: number; category?: NewsCategory }) => api.get<Page<Article>>('/news/feed', query);
export const getFeedArticle = (id: string) => api.get<ArticleDetail>(`/news/feed/${id}`);
export const markRead = (id: string) => api.post<{ readCount: number }>(`/news/feed/${id}/read`);
export const uploadImage = (input: { contentType: string; dataBase64: string }) => api.post<UploadedImage>('/news/images', input);
