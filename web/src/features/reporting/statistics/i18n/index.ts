import { registerTranslations } from '../../../../app/i18n';
import en from './en.json';
import vi from './vi.json';

// The statistics dashboards' namespace, beside the plan's and the scorecards' in the same feature.
registerTranslations('statistics', vi, en, true);
