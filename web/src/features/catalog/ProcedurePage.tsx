import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, navigate, type PageProps } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { pickLocalized } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { catalogHref, type Procedure, procedurePath } from './api';
import { LevelBadges, OnlineBadge } from './badges';
import { ProcedureDocuments } from './ProcedureDocuments';
import { ProcedureFacts } from './ProcedureFacts';
import { ProcedureFees } from './ProcedureFees';
import { ProcedureFiling } from './ProcedureFiling';
import { ProcedureLegalBasis } from './ProcedureLegalBasis';
import { ProcedureSearchForm } from './ProcedureSearchForm';
import './catalog.css';
import './procedure.css';
import './i18n';

/** `/thu-tuc/:code`: everything a citizen needs before filing, and the way to file. */
export function ProcedurePage({ params }: PageProps) {
  const { t, i18n } = useTranslation('catalog');
  const code = params.code ?? '';
  // The API answers 400 to a malformed code: not worth a request, it is simply not a procedure.
  const valid = /^\d+\.\d{6}$/.test(code);
  const result = useApiQuery<Procedure>(valid ? procedurePath(code) : null);
  const name = result.status === 'success' ? pickLocalized(result.data.name, i18n.language) : null;
  usePageTitle(
    name ??
      (!valid || (result.status === 'error' && result.error.status === 404)
        ? t('procedure.notFoundTitle')
        : t('title')),
  );

  if (!valid || (result.status === 'error' && result.error.status === 404)) return <NotFound code={code} />;
  if (result.status === 'error')
    return (
      <Container size="lg" py="xl">
        <ErrorState error={result.error} onRetry={result.retry} />
      </Container>
    );
  if (result.status !== 'success')
    return (
      <Container size="lg" py="xl">
        <LoadingState label={t('procedure.loading')} />
      </Container>
    );

  const p = result.data;
  return (
    <Container size="lg" py="lg">
      <Link href="/thu-tuc" className="cqs-back-link">
        <span aria-hidden="true">←</span> {t('procedure.back')}
      </Link>
      <header className="cqs-procedure-header">
        <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.25}>
          {name}
        </Title>
        <Group gap={6} mt="sm" wrap="wrap">
          <OnlineBadge type={p.onlineType} long />
          <LevelBadges levels={p.levels} />
        </Group>
        <Text c="dimmed" mt="xs">
          {t('procedure.codeLine', { code: p.code })}
          {p.field && ` · ${p.field}`}
        </Text>
      </header>
      <div className="cqs-procedure-layout">
        <aside className="cqs-procedure-aside" aria-label={t('procedure.file.title')}>
          <ProcedureFiling procedure={p} />
        </aside>
        <Stack gap="lg" className="cqs-procedure-main">
          <ProcedureFacts procedure={p} />
          <ProcedureDocuments documents={p.documents} />
          <ProcedureFees procedure={p} />
          {p.conditions && (
            <section className="cqs-section" aria-labelledby="conditions-title">
              <Title order={2} fz="h3" id="conditions-title">
                {t('procedure.conditions')}
              </Title>
              <Text className="cqs-prose" mt="sm">
                {p.conditions}
              </Text>
            </section>
          )}
          <ProcedureLegalBasis legalBasis={p.legalBasis} />
        </Stack>
      </div>
    </Container>
  );
}

function NotFound({ code }: { code: string }) {
  const { t } = useTranslation('catalog');
  return (
    <Container size="md" py="xl">
      <Stack gap="md" align="stretch">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('procedure.notFoundTitle')}
        </Title>
        <Text>{t('procedure.notFoundBody', { code })}</Text>
        <ProcedureSearchForm label={t('search.label')} onSearch={(q) => navigate(catalogHref({ q }))} />
        <Group>
          <Button component={Link} href="/thu-tuc" variant="light">
            {t('procedure.toCatalog')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
