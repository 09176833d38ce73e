import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';
import { type Agency, type Dossier, type QueueItem, type QueuePage, queuePath } from '../api';
import { DeadlineBadge, StatusBadge } from '../DeadlineBadge';
import { formatDateTime } from '../format';

export interface HeaderProps {
  dossier: Dossier;
  agencies: Agency[];
  /** Names of people known to the page (the caller, those who acted, the assignees). */
  people: Map<string, string>;
}

/** Code, status, procedure, applicant, channel, dates and the deadline with its colour. */
export function DossierHeader({ dossier, agencies, people }: HeaderProps) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const agencyName = (id: string) => {
    const a = agencies.find((x) => x.id === id);
    return a ? pickLocalized(a.name, lang) : '—';
  };
  const a = dossier.applicant;
  const deadline = useDeadline(dossier);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="dossier-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              {t('casework.dossier')}
            </Text>
            <Title order={1} fz={{ base: 22, sm: 28 }} id="dossier-title" data-testid="dossier-code">
              {dossier.code ?? t('casework.noCode')}
            </Title>
          </div>
          <Group gap="xs">
            <StatusBadge status={dossier.status} />
            {deadline && (
              <DeadlineBadge status={dossier.status} tone={deadline.tone} daysLeft={deadline.daysLeft} />
            )}
          </Group>
        </Group>
        <Text fw={600} fz="lg">
          {pickLocalized(dossier.procedureName, lang)}{' '}
          <Text span c="dimmed" fw={400} fz="sm">
            ({dossier.procedureCode})
          </Text>
        </Text>
        <dl className="ws-dl">
          <Row label={t('header.applicant')}>{a.fullName}</Row>
          {a.cccd && <Row label={t('header.cccd')}>{a.cccd}</Row>}
          {a.phone && <Row label={t('header.phone')}>{a.phone}</Row>}
          {a.email && <Row label={t('header.email')}>{a.email}</Row>}
          {a.addressDetail && <Row label={t('header.address')}>{a.addressDetail}</Row>}
          <Row label={t('header.channel')}>
            {t(`channel.${dossier.channel}`, { defaultValue: dossier.channel })}
          </Row>
          <Row label={t('header.receivingAgency')}>{agencyName(dossier.receivingAgencyId)}</Row>
          <Row label={t('header.competentAgency')}>{agencyName(dossier.competentAgencyId)}</Row>
          <Row label={t('header.receivedAt')}>{formatDateTime(dossier.receivedAt, lang)}</Row>
          <Row label={t('header.dueAt')}>{formatDateTime(dossier.dueAt, lang)}</Row>
          {dossier.finishedAt && (
            <Row label={t('header.finishedAt')}>{formatDateTime(dossier.finishedAt, lang)}</Row>
          )}
          <Row label={t('header.handler')}>
            {dossier.handlerId
              ? (people.get(dossier.handlerId) ?? t('header.handlerAssigned'))
              : t('header.noHandler')}
          </Row>
        </dl>
      </Stack>
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

/**
 * Working days left and the colour, as the server counts them (its calendar knows the holidays):
 * read from the work list, found by the dossier's code; asked again when the due date or status moves.
 */
function useDeadline(dossier: Dossier): QueueItem | null {
  const [item, setItem] = useState<QueueItem | null>(null);
  const { id, code, dueAt, status } = dossier;
  useEffect(() => {
    let stale = false;
    void status;
    if (!code || !dueAt) {
      setItem(null);
      return;
    }
    getJson<QueuePage>(queuePath('all', code, 5), { revalidate: true }).then(
      (page) => {
        if (!stale) setItem(page.items.find((i) => i.id === id) ?? null);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [id, code, dueAt, status]);
  return item;
}
