import { registerTranslations } from '../../../app/i18n';
import en from './scorecards.en.json';
import vi from './scorecards.vi.json';

// The scorecards namespace, kept apart from the DX plan's strings in the same feature folder.
registerTranslations('scorecards', vi, en, true);
