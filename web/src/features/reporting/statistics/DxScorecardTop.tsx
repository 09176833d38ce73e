import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type DxRanking, type DxSet, SCORECARDS_PAGE, scorecardLink } from './dx';
import { formatRate } from './format';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

const TOP = 5;

/** The top of the newest published scorecard ranking, for departments and for communes. */
export function DxScorecardTop() {
  const { t } = useTranslation('statistics');
  const sets = useApiQuery<{ items: DxSet[] }>('/api/reporting/scorecards');
  let body: React.ReactNode;
  if (sets.status === 'error') body = <StatsProblem error={sets.error} onRetry={sets.retry} />;
  else if (sets.status !== 'success') body = <LoadingState label={t('gate.loading')} />;
  else {
    const published = sets.data.items.filter((s) => s.status !== 'draft').sort((a, b) => b.year - a.year);
    const newest = (['department', 'commune'] as const)
      .map((kind) => published.find((s) => s.subjectKind === kind))
      .filter((s): s is DxSet => !!s);
    body =
      newest.length === 0 ? (
        <Text>{t('dx.noScorecards')}</Text>
      ) : (
        newest.map((s) => <SetTop key={s.id} set={s} />)
      );
  }
  return (
    <section aria-labelledby="st-dx-scorecards">
      <Stack gap="md">
        <Title order={2} fz="xl" id="st-dx-scorecards">
          {t('dx.scorecardHeading')}
        </Title>
        {body}
        <Anchor component={Link} href={SCORECARDS_PAGE} fw={500}>
          {t('dx.openScorecards')}
        </Anchor>
      </Stack>
    </section>
  );
}

function SetTop({ set }: { set: DxSet }) {
  const { t, i18n } = useTranslation('statistics');
  const ranking = useApiQuery<DxRanking>(`/api/reporting/scorecards/${encodeURIComponent(set.id)}/ranking`);
  const id = `st-set-${set.id}`;
  let body: React.ReactNode;
  if (ranking.status === 'error') body = <StatsProblem error={ranking.error} onRetry={ranking.retry} />;
  else if (ranking.status !== 'success') body = <LoadingState label={t('gate.loading')} />;
  else if (ranking.data.rows.length === 0) body = <Text size="sm">{t('dx.noRanking')}</Text>;
  else
    body = (
      <>
        {ranking.data.provisional && (
          <Text size="sm" c="dimmed">
            {t('dx.provisional')}
          </Text>
        )}
        <ScrollBox labelledBy={id}>
          <Table verticalSpacing="xs" fz="sm" data-testid={`dx-top-${set.subjectKind}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="st-num">{t('dx.rank')}</Table.Th>
                <Table.Th className="st-rowhead">{t('dx.agency')}</Table.Th>
                <Table.Th className="st-num">{t('dx.total')}</Table.Th>
                <Table.Th className="st-num">{t('dx.normalised')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.data.rows.slice(0, TOP).map((r) => (
                <Table.Tr key={r.agency.id}>
                  <Table.Td className="st-num">{r.rank}</Table.Td>
                  <Table.Th scope="row" className="st-rowhead">
                    {pickLocalized(r.agency.name, i18n.language)}
                  </Table.Th>
                  <Table.Td className="st-num">
                    {formatNumber(r.total, i18n.language, 2)}/
                    {formatNumber(ranking.data.maxTotal, i18n.language, 2)}
                  </Table.Td>
                  <Table.Td className="st-num">{formatRate(r.normalised, i18n.language, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </>
    );
  return (
    <Stack gap="xs">
      <Title order={3} fz="lg" id={id}>
        {t('dx.scorecardSet', { name: set.name })}
      </Title>
      {body}
      <Anchor component={Link} href={scorecardLink(set.id)} size="sm">
        {t('dx.openSet', { name: set.name })}
      </Anchor>
    </Stack>
  );
}
