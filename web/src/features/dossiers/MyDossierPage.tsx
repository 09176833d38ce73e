import { Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import './i18n';

/** Placeholder until the page is built. */
export function MyDossierPage(_props: PageProps) {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('title'));
  return (
    <Container size="lg" py="xl">
      <Title order={1}>{t('title')}</Title>
      <Text>…</Text>
    </Container>
  );
}
