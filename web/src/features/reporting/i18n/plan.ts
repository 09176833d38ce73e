import { registerTranslations } from '../../../app/i18n';
import en from './plan.en.json';
import vi from './plan.vi.json';

// The DX plan's namespace, beside the scorecards' in the same feature folder.
registerTranslations('plan', vi, en, true);
