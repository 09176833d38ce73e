import { registerTranslations } from '../../../app/i18n';
import en from './en.json';
import vi from './vi.json';

// The catalog namespace: imported by each page of this feature, so its strings load with them.
registerTranslations('catalog', vi, en, true);
