import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EVAL_DEDUCTION_SOURCES, EVAL_MAX_DEPTH, EVAL_SEVERITIES, EVAL_SOURCE_KINDS, weightSum, type EvalIndicator, type EvalSource } from '@parkos/contracts';
import { Button, Flex, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  value: EvalIndicator[];
  onChange: (next: EvalIndicator[]) => void;
  isReadOnly?: boolean;
}

let counter = 0;
/** A fresh key for a new indicator (stable within the scheme). */
const newKey = () => `i${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The live sum of one level: green at 100, red otherwise. */
export function LevelSum({ items, path, isTop }: { items: EvalIndicator[]; path: string; isTop?: boolean }) {
  const { t } = useTranslation();
  const sum = weightSum(items);
  return (
    <Tag color={sum === 100 ? 'green' : 'red'} data-testid={`eval-sum-${path}`} data-sum={sum}>
      {t(isTop ? 'evaluation.builder.topSum' : 'evaluation.builder.levelSum', { sum })}
    </Tag>
  );
}

const update = (items: EvalIndicator[], index: number, patch: Partial<EvalIndicator>) => items.map((it, i) => (i === index ? { ...it, ...patch } : it));

/** One level of the tree, and its sub-levels. */
function Level({ items, path, depth, onItems, isReadOnly }: { items: EvalIndicator[]; path: string; depth: number; onItems: (next: EvalIndicator[]) => void; isReadOnly?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} style={{ paddingLeft: depth ? 16 : 0, borderLeft: depth ? '2px solid #f0f0f0' : undefined }}>
      {items.map((ind, i) => {
        const here = `${path}[${i}]`;
        const isLeaf = !ind.children?.length;
        const setSource = (patch: Partial<EvalSource>) => onItems(update(items, i, { source: { ...(ind.source ?? { kind: 'manual' }), ...patch } }));
        return (
          <Flex key={ind.key} vertical gap={6} data-testid={`eval-ind-${here}`}>
            <Flex gap={8} wrap="wrap" align="center">
              <Input value={ind.name} placeholder={t('evaluation.builder.name')} aria-label={t('evaluation.builder.name')} style={{ flex: '1 1 160px', minWidth: 140 }} disabled={isReadOnly} onChange={(e) => onItems(update(items, i, { name: e.target.value }))} data-testid={`eval-ind-name-${here}`} />
              <InputNumber value={ind.weight} min={0} max={100} addonAfter="%" aria-label={t('evaluation.builder.weight')} style={{ width: 120 }} disabled={isReadOnly} onChange={(v) => onItems(update(items, i, { weight: typeof v === 'number' ? v : 0 }))} data-testid={`eval-ind-weight-${here}`} />
              {isLeaf && (
                <Select
                  value={ind.source?.kind}
                  placeholder={t('evaluation.builder.source')}
                  aria-label={t('evaluation.builder.source')}
                  style={{ flex: '1 1 180px', minWidth: 160 }}
                  disabled={isReadOnly}
                  options={EVAL_SOURCE_KINDS.map((k) => ({ value: k, label: t(`evaluation.sources.${k}`) }))}
                  onChange={(kind) => onItems(update(items, i, { source: { kind } }))}
                  data-testid={`eval-ind-source-${here}`}
                />
              )}
              {!isReadOnly && (
                <Space size={4}>
                  {depth < EVAL_MAX_DEPTH - 1 && (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => onItems(update(items, i, { source: undefined, children: [...(ind.children ?? []), { key: newKey(), name: t('evaluation.builder.newIndicator'), weight: ind.children?.length ? 0 : 100 }] }))} data-testid={`eval-ind-add-child-${here}`}>
                    {t('evaluation.builder.addChild')}
                    </Button>
                  )}
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('evaluation.builder.remove')} onClick={() => onItems(items.filter((_, k) => k !== i))} data-testid={`eval-ind-remove-${here}`} />
                </Space>
              )}
            </Flex>
            {isLeaf && ind.source?.kind === 'deductions' && (
              <Flex gap={8} wrap="wrap" style={{ paddingLeft: 8 }}>
                <Select
                  mode="multiple"
                  value={ind.source.deductionSources ?? [...EVAL_DEDUCTION_SOURCES]}
                  aria-label={t('evaluation.builder.deductionFilter')}
                  style={{ minWidth: 220 }}
                  disabled={isReadOnly}
                  options={EVAL_DEDUCTION_SOURCES.map((k) => ({ value: k, label: t(`evaluation.deductionSources.${k}`) }))}
                  onChange={(v) => setSource({ deductionSources: v.length ? v : undefined })}
                />
                <Select
                  mode="multiple"
                  allowClear
                  value={ind.source.severities ?? []}
                  placeholder={t('evaluation.builder.severityFilter')}
                  aria-label={t('evaluation.builder.severityFilter')}
                  style={{ minWidth: 220 }}
                  disabled={isReadOnly}
                  options={EVAL_SEVERITIES.map((k) => ({ value: k, label: t(`evaluation.severities.${k}`) }))}
                  onChange={(v) => setSource({ severities: v.length ? v : undefined })}
                />
              </Flex>
            )}
            {!isLeaf && (
              <Flex vertical gap={6}>
                <Level items={ind.children!} path={`${here}.children`} depth={depth + 1} isReadOnly={isReadOnly} onItems={(children) => onItems(update(items, i, { children }))} />
                <div style={{ paddingLeft: 16 }}>
                  <LevelSum items={ind.children!} path={`${here}.children`} />
                </div>
              </Flex>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}


/** The nested indicator editor of the scheme builder: names, weights (sums shown live per level), each leaf's source. */
export function IndicatorTreeEditor({ value, onChange, isReadOnly }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={10}>
      <Level items={value} path="indicators" depth={0} isReadOnly={isReadOnly} onItems={onChange} />
      <Flex gap={8} align="center" wrap="wrap">
        <LevelSum items={value} path="indicators" isTop />
        {!isReadOnly && (
          <Button icon={<PlusOutlined />} onClick={() => onChange([...value, { key: newKey(), name: t('evaluation.builder.newIndicator'), weight: 0 }])} data-testid="eval-ind-add-top">
            {t('evaluation.builder.addTop')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
