import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { INDUSTRIES, type Industry } from '@parkos/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage, fieldErrorText } from '../../../lib/form-errors';
import { ApiError } from '../../../lib/api-client';
import { useBuildings } from '../../parks/hooks/useBuilding';
import { useParks, useSites } from '../../parks/hooks/useParks';
import { useSession } from '../../auth/hooks/useSession';
import { useIsMobile } from '../../../ui/useIsMobile';
import { NEWS_CATEGORIES, NEWS_TARGETS, type ArticleDetail, type NewsCategory, type NewsTargetType } from '../api/news.api';
import { useNewsMutations } from '../hooks/useNews';
import { CoverUpload } from './CoverUpload';
import { RichTextEditor } from './RichTextEditor';

interface FormValues {
  title: string;
  summary?: string;
  category: NewsCategory;
  targetType: NewsTargetType;
  parkId?: string;
  siteId?: string;
  buildingId?: string;
  industry?: Industry;
  coverImageId?: string | null;
  bodyHtml: string;
  mode: 'draft' | 'now' | 'schedule';
  publishAt?: Dayjs;
  pinned?: boolean;
}

interface ArticleFormDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The article to edit; none to write a new one. */
  article?: ArticleDetail;
}

/** Writes or edits an article: text, cover, category, audience, and when it goes live. */
export function ArticleFormDrawer({ open, onClose, article }: ArticleFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const { permissions } = useSession();
  const [form] = Form.useForm<FormValues>();
  const { create, update } = useNewsMutations();
  const [isSaving, setIsSaving] = useState(false);
  const targetType = Form.useWatch('targetType', form);
  const parkId = Form.useWatch('parkId', form);
  const mode = Form.useWatch('mode', form);
  const parks = useParks();
  const sites = useSites(parkId);
  const buildings = useBuildings(parkId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (article) {
      form.setFieldsValue({
        title: article.title,
        summary: article.summary ?? undefined,
        category: article.category,
        targetType: article.target.type,
        parkId: article.target.parkId ?? undefined,
        siteId: article.target.siteId ?? undefined,
        buildingId: article.target.buildingId ?? undefined,
        industry: (article.target.industry as Industry | null) ?? undefined,
        coverImageId: article.coverImageId,
        bodyHtml: article.bodyHtml,
        mode: article.publishAt && dayjs(article.publishAt).isAfter(dayjs()) ? 'schedule' : 'now',
        publishAt: article.publishAt ? dayjs(article.publishAt) : undefined,
      });
    } else if (parks.data?.length === 1) {
      form.setFieldsValue({ parkId: parks.data[0].id });
    }
  }, [open, article, form, parks.data]);

  const handleSave = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const target = { type: v.targetType, parkId: v.parkId ?? null, siteId: v.siteId ?? null, buildingId: v.buildingId ?? null, industry: v.industry ?? null };
    const publishAt = v.mode === 'schedule' && v.publishAt ? v.publishAt.toISOString() : undefined;
    setIsSaving(true);
    try {
      if (article) {
        await update.mutateAsync({
          id: article.id,
          input: { title: v.title, summary: v.summary ?? null, category: v.category, target, coverImageId: v.coverImageId ?? null, bodyHtml: v.bodyHtml, ...(publishAt ? { publishAt } : {}) },
        });
      } else {
        await create.mutateAsync({ title: v.title, summary: v.summary ?? null, category: v.category, target, coverImageId: v.coverImageId ?? null, bodyHtml: v.bodyHtml, publish: v.mode !== 'draft', publishAt: publishAt ?? null, pinned: v.pinned ?? false });
      }
      void message.success(t('news.saved'));
      onClose();
    } catch (error) {
      // `body.target.buildingId` lands on the buildingId field.
      const fields = error instanceof ApiError ? error.fields : [];
      const targetFields = fields.filter((f) => f.field.startsWith('body.target.')).map((f) => ({ name: f.field.replace('body.target.', '') as keyof FormValues, errors: [fieldErrorText(f)] }));
      if (targetFields.length) form.setFields(targetFields);
      if (!applyFieldErrors(form, error) && !targetFields.length) void message.error(errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  };

  const targetOptions = NEWS_TARGETS.filter((x) => x !== 'all' || permissions.isGlobalOperator).map((x) => ({ value: x, label: t(`news.targets.${x}`) }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={article ? t('news.edit') : t('news.new')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      extra={
        <Button type="primary" loading={isSaving} onClick={() => void handleSave()} data-testid="news-form-submit">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ category: 'notice', targetType: 'park', mode: 'now', pinned: false, bodyHtml: '' }} data-testid="news-form">
        <Form.Item name="title" label={t('news.fields.title')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input maxLength={120} data-testid="news-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('news.fields.summary')} rules={[{ max: 300 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('news.fields.category')} rules={[{ required: true }]} style={{ minWidth: 160, flex: 1 }}>
            <Select options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.categories.${c}`) }))} data-testid="news-category" />
          </Form.Item>
          <Form.Item name="targetType" label={t('news.fields.target')} rules={[{ required: true }]} style={{ minWidth: 160, flex: 1 }}>
            <Select options={targetOptions} data-testid="news-target" onChange={() => form.setFieldsValue({ siteId: undefined, buildingId: undefined, industry: undefined })} />
          </Form.Item>
        </Flex>
        {targetType && targetType !== 'all' && (
          <Form.Item name="parkId" label={t('news.fields.park')} rules={[{ required: true }]}>
            <Select options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} onChange={() => form.setFieldsValue({ siteId: undefined, buildingId: undefined })} data-testid="news-park" />
          </Form.Item>
        )}
        {targetType === 'site' && (
          <Form.Item name="siteId" label={t('news.fields.site')} rules={[{ required: true }]}>
            <Select options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="news-site" />
          </Form.Item>
        )}
        {targetType === 'building' && (
          <Form.Item name="buildingId" label={t('news.fields.building')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} data-testid="news-building" />
          </Form.Item>
        )}
        {targetType === 'industry' && (
          <Form.Item name="industry" label={t('news.fields.industry')} rules={[{ required: true }]}>
            <Select options={INDUSTRIES.map((i) => ({ value: i, label: t(`industries.${i}`) }))} data-testid="news-industry" />
          </Form.Item>
        )}
        <Form.Item name="coverImageId" label={t('news.fields.cover')} extra={t('news.coverHint')}>
          <CoverUpload />
        </Form.Item>
        <Form.Item
          name="bodyHtml"
          label={t('news.fields.body')}
          rules={[{ validator: (_r, value: string | undefined) => (value && value.replace(/<[^>]*>|&nbsp;/g, '').trim() ? Promise.resolve() : Promise.reject(new Error(t('news.bodyRequired')))) }]}
        >
          <RichTextEditor placeholder={t('news.bodyPlaceholder')} testId="news-body" />
        </Form.Item>
        <Form.Item name="mode" label={t('news.fields.when')}>
          <Radio.Group
            options={(article ? (['now', 'schedule'] as const) : (['draft', 'now', 'schedule'] as const)).map((m) => ({ value: m, label: t(`news.modes.${m}`) }))}
            optionType="button"
            data-testid="news-mode"
          />
        </Form.Item>
        {mode === 'schedule' && (
          <Form.Item name="publishAt" label={t('news.fields.publishAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="news-publish-at" />
          </Form.Item>
        )}
        {!article && (
          <Form.Item name="pinned" label={t('news.fields.pinned')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
