import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { componentName } from '../files/ComponentFiles';
import { fileSize, vnDateTime } from '../format';
import { type Dossier, type DossierFile, formHref, type TimelineEvent } from '../model';

type FormNumber = '01' | '02' | '03' | '04' | '05';
const FORMS: FormNumber[] = ['01', '02', '03', '04', '05'];

/** The one-stop forms issued so far: each step that issued one recorded it on the timeline. */
export function issuedForms(dossier: Dossier, events: TimelineEvent[]): FormNumber[] {
  const issued = new Set(
    events.map((e) => e.data.form).filter((f): f is FormNumber => FORMS.includes(f as FormNumber)),
  );
  if (dossier.code) issued.add('01');
  return FORMS.filter((f) => issued.has(f));
}

/** The electronic result, once returned: what the person came for, first and plain. */
export function ResultFiles({ files }: { files: DossierFile[] }) {
  const { t, i18n } = useTranslation('dossiers');
  const results = files.filter((f) => f.purpose === 'result');
  if (!results.length) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="result-title"
      data-testid="result"
    >
      <Title order={2} fz="h3" id="result-title" mb="sm">
        {t('detail.result')}
      </Title>
      <ul className="cqs-file-list">
        {results.map((f) => (
          <li key={f.id}>
            <div className="cqs-file-name">
              <Text fw={600}>{f.label}</Text>
              <Text size="sm" c="dimmed">
                {f.fileName} · {fileSize(f.sizeBytes, i18n.language)}
              </Text>
            </div>
            <Button component="a" href={`${f.url}?download=1`} variant="light">
              {t('detail.download')}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The papers filed, component by component, and the forms (PDF) the office issued. */
export function DossierDocuments({
  dossier,
  files,
  events,
}: {
  dossier: Dossier;
  files: DossierFile[];
  events: TimelineEvent[];
}) {
  const { t, i18n } = useTranslation('dossiers');
  const forms = issuedForms(dossier, events);
  const attached = dossier.components.filter((c) =>
    files.some((f) => f.purpose === 'component' && f.componentIndex === c.index),
  );
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="documents-title">
      <Stack gap="md">
        <Title order={2} fz="h3" id="documents-title">
          {t('detail.documents')}
        </Title>
        {attached.length === 0 && <Text c="dimmed">{t('detail.noDocuments')}</Text>}
        {attached.map((c) => (
          <div key={c.index}>
            <Text fw={600} size="sm" mb={4}>
              {componentName(c.name)}
            </Text>
            <ul className="cqs-file-list">
              {files
                .filter((f) => f.purpose === 'component' && f.componentIndex === c.index)
                .map((f) => (
                  <li key={f.id}>
                    <div className="cqs-file-name">
                      <Anchor href={f.url} target="_blank" rel="noopener">
                        {f.fileName}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {fileSize(f.sizeBytes, i18n.language)} · {vnDateTime(f.uploadedAt, i18n.language)}
                      </Text>
                    </div>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {forms.length > 0 && (
          <div>
            <Title order={3} fz="h4" mb="xs">
              {t('detail.forms')}
            </Title>
            <ul className="cqs-file-list">
              {forms.map((f) => (
                <li key={f}>
                  <Text className="cqs-file-name">{t(`detail.form.${f}`)}</Text>
                  <Button
                    component="a"
                    href={formHref(dossier.id, f)}
                    target="_blank"
                    rel="noopener"
                    variant="light"
                    aria-label={t('detail.openForm', { name: t(`detail.form.${f}`) })}
                  >
                    {t('detail.openPdf')}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Stack>
    </Card>
  );
}
