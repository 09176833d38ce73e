import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import type { Agency, Dossier, DossierFile } from '../api';
import { formatDateTime } from '../format';

/**
 * A one-page summary for the applicant (what was handed in, the appointment, how to follow the
 * dossier), shown on screen and printed alone by the browser's print (the portal's frame is hidden).
 */
export function PrintSummary({
  dossier,
  agencies,
  files,
}: {
  dossier: Dossier;
  agencies: Agency[];
  files: DossierFile[];
}) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const desk = agencies.find((a) => a.id === dossier.receivingAgencyId);
  const a = dossier.applicant;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="summary-title"
      className="ws-print"
      data-testid="print-summary"
    >
      {desk && (
        <Text fw={700} tt="uppercase" size="sm" mb={4}>
          {pickLocalized(desk.name, lang)}
        </Text>
      )}
      <Title order={2} fz="h3" id="summary-title" mb="md">
        {t('summary.title')}
      </Title>
      <dl className="ws-dl">
        <Row label={t('summary.code')}>
          <strong>{dossier.code}</strong>
        </Row>
        <Row label={t('summary.procedure')}>{pickLocalized(dossier.procedureName, lang)}</Row>
        <Row label={t('summary.applicant')}>{a.fullName}</Row>
        {a.cccd && <Row label={t('header.cccd')}>{a.cccd}</Row>}
        {a.phone && <Row label={t('header.phone')}>{a.phone}</Row>}
        <Row label={t('header.channel')}>
          {t(`channel.${dossier.channel}`, { defaultValue: dossier.channel })}
        </Row>
        <Row label={t('summary.receivedAt')}>{formatDateTime(dossier.receivedAt, lang)}</Row>
        <Row label={t('summary.dueAt')}>
          <strong>{formatDateTime(dossier.dueAt, lang)}</strong>
        </Row>
      </dl>
      <Title order={3} fz="h4" mt="md" mb="xs">
        {t('summary.components')}
      </Title>
      <ol style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {dossier.components.map((c) => {
          const n = files.filter((f) => f.purpose === 'component' && f.componentIndex === c.index).length;
          return (
            <li key={c.index}>
              <Text size="sm">
                {c.name.length > 200 ? `${c.name.slice(0, 197)}…` : c.name}
                {n > 0 && ` — ${t('summary.scanned', { count: n })}`}
              </Text>
            </li>
          );
        })}
      </ol>
      <Text size="sm" mt="md">
        {t('summary.track', { origin: window.location.origin, code: dossier.code ?? '' })}
      </Text>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
