import '@mantine/core/styles/Table.css';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { sendJson } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import {
  API,
  type AssessmentItem,
  agencyName,
  assessmentHref,
  errorText,
  formatScore,
  PAGE,
  type SetDetail,
  setHref,
} from './api';
import { ScorecardRanking } from './ScorecardRanking';

/** One criteria set: what the DX office may do with it, the units' assessments, the ranking. */
export function ScorecardSetView({ setId }: { setId: string }) {
  const { t } = useTranslation('scorecards');
  const detail = useApiQuery<SetDetail>(`${API}/${setId}`, { fresh: true });
  usePageTitle(detail.status === 'success' ? detail.data.set.name : t('title'));
  if (detail.status === 'error') return <ErrorState error={detail.error} onRetry={detail.retry} />;
  if (detail.status !== 'success') return <LoadingState label={t('gate.loading')} />;
  const { set } = detail.data;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} href={PAGE} size="sm">
          ← {t('sets.back')}
        </Anchor>
        <Title order={1} fz={{ base: 24, sm: 30 }} className="sc-break">
          {set.name}
        </Title>
        <Group gap="xs">
          <Badge
            variant="light"
            color={set.status === 'open' ? 'green' : set.status === 'draft' ? 'yellow' : 'gray'}
          >
            {t(`status.${set.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(`subject.${set.subjectKind}`)} · {set.code} · {t('sets.year', { year: set.year })}
          </Text>
        </Group>
      </Stack>
      {detail.data.actions.length > 0 && <ManageSet detail={detail.data} onChanged={detail.retry} />}
      <Units setId={setId} />
      <ScorecardRanking setId={setId} />
      <Indicators detail={detail.data} />
    </Stack>
  );
}

function ManageSet({ detail, onChanged }: { detail: SetDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation('scorecards');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { set, actions } = detail;
  const nextYear = set.year + 1;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e, i18n.language, t('manage.failed')) });
    } finally {
      setBusy(false);
    }
  };
  const status = (to: 'open' | 'closed') =>
    run(async () => {
      await sendJson('POST', `${API}/${set.id}/status`, { status: to });
      onChanged();
    });
  const copy = () =>
    run(async () => {
      const made = await sendJson<SetDetail>('POST', `${API}/${set.id}/copy`, { year: nextYear });
      navigate(setHref(made.set.id));
    });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('manage.heading')}
        </Title>
        <Group gap="sm">
          {actions.includes('open') && (
            <Button onClick={() => status('open')} loading={busy}>
              {t('manage.open')}
            </Button>
          )}
          {actions.includes('reopen') && (
            <Button variant="default" onClick={() => status('open')} loading={busy}>
              {t('manage.reopen')}
            </Button>
          )}
          {actions.includes('close') && (
            <Button variant="default" onClick={() => status('closed')} loading={busy}>
              {t('manage.close')}
            </Button>
          )}
          {actions.includes('copy') && (
            <Button variant="light" onClick={copy} loading={busy}>
              {t('manage.copy', { year: nextYear })}
            </Button>
          )}
        </Group>
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} variant="light" role="alert">
            {message.text}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Units({ setId }: { setId: string }) {
  const { t, i18n } = useTranslation('scorecards');
  const list = useApiQuery<{ items: AssessmentItem[] }>(`${API}/${setId}/assessments`, { fresh: true });
  const detail = useApiQuery<SetDetail>(`${API}/${setId}`);
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={list.retry} />;
  if (list.status !== 'success') return <LoadingState label={t('gate.loading')} />;
  const items = list.data.items;
  if (items.length === 0) return null;
  const setOpen = detail.status === 'success' && detail.data.set.status === 'open';
  const manages = detail.status === 'success' && detail.data.actions.length > 0;
  const actionOf = (i: AssessmentItem) =>
    setOpen && i.mayReport && i.status === 'draft'
      ? t('units.selfAssess')
      : setOpen && manages && i.status !== 'draft'
        ? t('units.review')
        : t('units.view');
  return (
    <Stack gap="sm">
      <Title order={2} fz="xl">
        {items.length === 1 ? t('units.mine') : t('units.heading')}
      </Title>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="sc-scroll" aria-label={t('units.tableLabel')} tabIndex={0}>
        <Table miw={320} verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.agency')}</Table.Th>
              <Table.Th>{t('units.status')}</Table.Th>
              <Table.Th>{t('units.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.agency.id}>
                <Table.Td className="sc-break">{agencyName(i.agency, i18n.language)}</Table.Td>
                <Table.Td>{t(`assessmentStatus.${i.status}`)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    href={assessmentHref(setId, i.agency.id)}
                    aria-label={`${actionOf(i)} — ${agencyName(i.agency, i18n.language)}`}
                  >
                    {actionOf(i)}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

function Indicators({ detail }: { detail: SetDetail }) {
  const { t, i18n } = useTranslation('scorecards');
  return (
    <Stack gap="sm">
      <Title order={2} fz="xl">
        {t('indicators.heading', { count: detail.indicators.length })}
      </Title>
      <Stack gap="xs" component="ol" className="sc-plain-list">
        {detail.indicators.map((i) => (
          <Card key={i.id} component="li" withBorder radius="sm" padding="sm" className="sc-indicator">
            <Text size="xs" c="dimmed">
              {i.pillar} · {i.code} · {t('indicators.max', { max: formatScore(i.maxPoints, i18n.language) })}
            </Text>
            <Text size="sm" className="sc-break">
              {i.name}
            </Text>
            {i.measure && (
              <Text size="xs" c="dimmed">
                {t('indicators.measured')}
              </Text>
            )}
            {i.evidenceRequired && (
              <Text size="xs" c="dimmed">
                {t('indicators.evidence', { what: i.evidenceRequired })}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
