import { Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dossier, TimelineEvent } from '../api';

export const FORM_NUMBERS = ['01', '02', '03', '04', '05'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];
export const isFormNumber = (v: unknown): v is FormNumber =>
  typeof v === 'string' && (FORM_NUMBERS as readonly string[]).includes(v);

/** The one-stop forms issued for the dossier so far (01 once it has a code; 02–05 when a step issued them). */
export function FormsLinks({ dossier, events }: { dossier: Dossier; events: TimelineEvent[] }) {
  const { t } = useTranslation('workspace');
  const issued = new Set<string>(
    events.map((e) => e.data.form).filter((f): f is string => typeof f === 'string'),
  );
  if (dossier.code) issued.add('01');
  const forms = FORM_NUMBERS.filter((f) => issued.has(f));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="forms-title">
      <Title order={2} fz="h4" id="forms-title" mb="sm">
        {t('forms.title')}
      </Title>
      {forms.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('forms.none')}
        </Text>
      ) : (
        <ul className="ws-list">
          {forms.map((f) => (
            <li key={f}>
              <Anchor
                className="ws-tap"
                href={`/api/dossiers/${encodeURIComponent(dossier.id)}/forms/${f}`}
                target="_blank"
                rel="noopener"
                data-testid={`form-${f}`}
              >
                {t(`forms.f${f}`)}
                <span className="ws-visually-hidden"> ({t('forms.newTab')})</span>
              </Anchor>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
