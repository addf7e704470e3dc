import type { TFunction } from 'i18next';
import { explainUsccProblem } from '@parkos/contracts';

/**
 * An antd form rule checking a unified social credit code (统一社会信用代码) with the
 * shared validator, its reason translated.
 */
export function usccRule(t: TFunction) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const problem = explainUsccProblem(value);
      if (!problem) return;
      const ch = /contains "(.)"/.exec(problem);
      const check = /should be (\S+), not (\S+)/.exec(problem);
      let reason = problem;
      if (problem.startsWith('must be 18')) reason = t('enterprises.uscc.length');
      else if (ch) reason = t('enterprises.uscc.char', { ch: ch[1] });
      else if (check) reason = t('enterprises.uscc.check', { expected: check[1], actual: check[2] });
      throw new Error(t('enterprises.uscc.generic', { reason }));
    },
  };
}
