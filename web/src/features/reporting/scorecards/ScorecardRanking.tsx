import '@mantine/core/styles/Table.css';
import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import { API, agencyName, formatScore, type Ranking, type RankingRow } from './api';

/** The change of rank in words with an arrow: colour alone never carries the meaning. */
function Change({ row }: { row: RankingRow }) {
  const { t, i18n } = useTranslation('scorecards');
  if (!row.change) return <span className="sc-change-same">{t('ranking.new')}</span>;
  const { rank, normalised } = row.change;
  const delta = `${normalised > 0 ? '+' : ''}${formatScore(normalised, i18n.language)}`;
  if (rank > 0)
    return (
      <span className="sc-change-up">
        <span aria-hidden="true">▲ </span>
        {t('ranking.up', { count: rank })} ({delta})
      </span>
    );
  if (rank < 0)
    return (
      <span className="sc-change-down">
        <span aria-hidden="true">▼ </span>
        {t('ranking.down', { count: -rank })} ({delta})
      </span>
    );
  return (
    <span className="sc-change-same">
      <span aria-hidden="true">= </span>
      {t('ranking.same')} ({delta})
    </span>
  );
}

/** The set's ranking: totals, the 0–1 index, pillars, last year's rank and the change; the .xlsx. */
export function ScorecardRanking({ setId }: { setId: string }) {
  const { t, i18n } = useTranslation('scorecards');
  const q = useApiQuery<Ranking>(`${API}/${setId}/ranking`, { fresh: true });
  if (q.status === 'error') return <ErrorState error={q.error} onRetry={q.retry} />;
  if (q.status !== 'success') return <LoadingState label={t('gate.loading')} />;
  const r = q.data;
  const lang = i18n.language;
  const prevYear = r.previousSet?.year;
  return (
    <Stack gap="sm">
      <Title order={2} fz="xl">
        {t('ranking.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {r.provisional ? t('ranking.provisional') : t('ranking.published')}{' '}
        {prevYear ? null : t('ranking.noPrevious')}
      </Text>
      {r.rows.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('ranking.empty')}
        </Alert>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="sc-scroll" aria-label={t('ranking.tableLabel')} tabIndex={0}>
          <Table miw={prevYear ? 760 : 560} verticalSpacing="xs" horizontalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="sc-num">{t('ranking.rank')}</Table.Th>
                <Table.Th>{t('ranking.agency')}</Table.Th>
                <Table.Th className="sc-num">
                  {t('ranking.total')} / {formatScore(r.maxTotal, lang)}
                </Table.Th>
                <Table.Th className="sc-num">{t('ranking.normalised')}</Table.Th>
                {prevYear && (
                  <Table.Th className="sc-num">{t('ranking.previous', { year: prevYear })}</Table.Th>
                )}
                {prevYear && <Table.Th>{t('ranking.change', { year: prevYear })}</Table.Th>}
                {r.pillars.map((p) => (
                  <Table.Th key={p.name} className="sc-num">
                    {p.name} / {formatScore(p.maxPoints, lang)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.rows.map((row) => (
                <Table.Tr key={row.agency.id}>
                  <Table.Td className="sc-num">{row.rank}</Table.Td>
                  <Table.Td miw={180}>
                    {agencyName(row.agency, lang)}
                    {row.status === 'submitted' && (
                      <Text size="xs" c="dimmed">
                        {t('assessmentStatus.submitted')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="sc-num">{formatScore(row.total, lang)}</Table.Td>
                  <Table.Td className="sc-num">{formatScore(row.normalised, lang)}</Table.Td>
                  {prevYear && <Table.Td className="sc-num">{row.previous?.rank ?? '—'}</Table.Td>}
                  {prevYear && (
                    <Table.Td>
                      <Change row={row} />
                    </Table.Td>
                  )}
                  {r.pillars.map((p) => (
                    <Table.Td key={p.name} className="sc-num">
                      {formatScore(row.pillars[p.name] ?? 0, lang)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {r.pending.length > 0 && (
        <Text size="sm" c="dimmed" className="sc-break">
          {t('ranking.pending', { names: r.pending.map((a) => agencyName(a, lang)).join('; ') })}
        </Text>
      )}
      <div>
        <Button component="a" href={`${API}/${setId}/ranking.xlsx`} download variant="light">
          {t('ranking.download')}
        </Button>
      </div>
    </Stack>
  );
}
