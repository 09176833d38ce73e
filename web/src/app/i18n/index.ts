import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

/** Each language's own name, shown in that language whatever the current one is. */
export const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

const storageKey = 'cqs.language';

// Each feature keeps its strings in its own namespace (features/<name>/i18n/*.json), loaded with its
// code-split pages; the types come from the files so `t` checks every key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof vi;
      catalog: typeof import('../../features/catalog/i18n/vi.json');
      dossiers: typeof import('../../features/dossiers/i18n/vi.json');
      workspace: typeof import('../../features/workspace/i18n/vi.json');
      admin: typeof import('../../features/admin/i18n/vi.json');
      scorecards: typeof import('../../features/reporting/i18n/scorecards.vi.json');
      plan: typeof import('../../features/reporting/i18n/plan.vi.json');
      statistics: typeof import('../../features/reporting/statistics/i18n/vi.json');
    };
  }
}

// The compiler checks that both languages have the same keys (plural suffixes aside), so a string
// added in one file and forgotten in the other fails `tsc` instead of showing a raw key to a citizen.
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${BaseKey<K>}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type SameKeys<A, B> = [Exclude<Keys<A>, Keys<B>>, Exclude<Keys<B>, Keys<A>>] extends [never, never]
  ? true
  : { missing: [Exclude<Keys<A>, Keys<B>>, Exclude<Keys<B>, Keys<A>>] };
const sameKeys: SameKeys<typeof vi, typeof en> = true;
void sameKeys;

/**
 * Adds a feature's strings (its namespace) when its pages load. The third argument only compiles
 * when both languages have the same keys: pass `true`.
 */
export function registerTranslations<V, E>(namespace: string, vi: V, en: E, sameKeys: SameKeys<V, E>): void {
  void sameKeys;
  if (!i18n.hasResourceBundle('vi', namespace)) i18n.addResourceBundle('vi', namespace, vi);
  if (!i18n.hasResourceBundle('en', namespace)) i18n.addResourceBundle('en', namespace, en);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to the default.
  }
  return defaultLanguage;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

/** Switches the language the person chose and remembers it on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

// Resources are bundled, so `initAsync: false` makes the translations usable as soon as this returns.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = currentLanguage();

export { i18n };
