import type { ChartWords } from '../graph/elements.js';
import { t, tk } from './i18n.js';

/** The words the chart draws (relation names, badge letters), in the current language. */
export function chartWords(): ChartWords {
  return {
    relation: (kind) => tk('rel', kind),
    badgeLetters: { FUGITIVE: t('badge.FUGITIVE'), DRUG_USER: t('badge.DRUG_USER'), EX_OFFENDER: t('badge.EX_OFFENDER') },
    more: (count) => t('more.label', { count }),
  };
}
