import { registerTranslations } from '../../../app/i18n';
import en from './en.json';
import vi from './vi.json';

// The workspace namespace: imported by each page of this feature, so its strings load with them.
registerTranslations('workspace', vi, en, true);
