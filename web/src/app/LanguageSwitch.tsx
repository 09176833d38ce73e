import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languageNames, languages, setLanguage } from './i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  const other = languages.find((language) => language !== active) ?? active;
  return (
    <>
      <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.label')} visibleFrom="xs">
        {languages.map((language) => (
          <Button
            key={language}
            variant={language === active ? 'filled' : 'default'}
            px="sm"
            lang={language}
            aria-pressed={language === active}
            // The accessible name keeps the visible "VI"/"EN" and says the language in full.
            aria-label={`${languageNames[language]} (${language.toUpperCase()})`}
            onClick={() => void setLanguage(language)}
          >
            {language.toUpperCase()}
          </Button>
        ))}
      </Group>
      {/* On a phone the header also holds the sign-in button: one button that switches to the other language. */}
      <Button
        hiddenFrom="xs"
        variant="default"
        px={10}
        aria-label={`${t('language.switchTo', { name: languageNames[other] })} (${other.toUpperCase()})`}
        onClick={() => void setLanguage(other)}
      >
        {other.toUpperCase()}
      </Button>
    </>
  );
}
