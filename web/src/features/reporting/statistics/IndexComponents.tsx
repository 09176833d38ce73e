import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { type IndexComponent, type IndexGroup, isDossierSet, type StatsFilters } from './api';
import { Figure } from './DrillDown';
import { formatRate } from './format';
import { ScrollBox } from './ScrollBox';

/** A group of the 766 index: every component with its numerator, denominator, rate and score. */
export function IndexGroupTable({ group, filters }: { group: IndexGroup; filters: StatsFilters }) {
  const { t, i18n } = useTranslation('statistics');
  const name = `${group.code}. ${pickLocalized(group.name, i18n.language)}`;
  const n = (v: number) => formatNumber(v, i18n.language, 2);
  const id = `st-group-${group.code}`;
  return (
    <section aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} fz="lg" id={id}>
          {name}
        </Title>
        <Text size="sm" data-testid={`group-total-${group.code}`}>
          {t('index.groupTotal', {
            code: group.code,
            score: n(group.score),
            measured: n(group.measuredMax),
            max: n(group.max),
          })}
        </Text>
        <ScrollBox label={name}>
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="st-rowhead">{t('index.component')}</Table.Th>
                <Table.Th className="st-num">{t('index.numerator')}</Table.Th>
                <Table.Th className="st-num">{t('index.denominator')}</Table.Th>
                <Table.Th className="st-num">{t('index.rate')}</Table.Th>
                <Table.Th className="st-num">{t('index.points')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.components.map((c) => (
                <ComponentRow key={c.key} component={c} filters={filters} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Stack>
    </section>
  );
}

function ComponentRow({ component: c, filters }: { component: IndexComponent; filters: StatsFilters }) {
  const { t, i18n } = useTranslation('statistics');
  const name = pickLocalized(c.name, i18n.language);
  const note = c.note ? pickLocalized(c.note, i18n.language) : null;
  const max = formatNumber(c.max, i18n.language, 2);
  if (!c.available)
    return (
      <Table.Tr data-testid={`component-${c.key}`}>
        <Table.Th scope="row" className="st-rowhead">
          {name}
          {note && (
            <Text size="xs" c="dimmed" fw={400}>
              {note}
            </Text>
          )}
        </Table.Th>
        <Table.Td colSpan={3}>
          <Badge color="gray" variant="light">
            {t('index.unavailable')}
          </Badge>
        </Table.Td>
        <Table.Td className="st-num">
          {t('common.dash')}/{max}
        </Table.Td>
      </Table.Tr>
    );
  const part = (value: number | null, set: string | null | undefined, label: string, procedures?: string) => {
    if (value === null) return t('common.dash');
    if (procedures)
      return (
        <Figure
          value={value}
          set="received"
          procedures={procedures}
          filters={filters}
          what={`${name} — ${label}`}
          row={label}
        />
      );
    if (isDossierSet(set))
      return <Figure value={value} set={set} filters={filters} what={`${name} — ${label}`} row={label} />;
    return formatNumber(value, i18n.language);
  };
  return (
    <Table.Tr data-testid={`component-${c.key}`}>
      <Table.Th scope="row" className="st-rowhead">
        {name}
        {c.drill?.procedures && (
          <Text size="xs" c="dimmed" fw={400}>
            {t('index.procedures')}
          </Text>
        )}
        {note && (
          <Text size="xs" c="dimmed" fw={400}>
            {note}
          </Text>
        )}
      </Table.Th>
      <Table.Td className="st-num">
        {part(c.numerator, c.drill?.numerator, t('index.numerator'), c.drill?.procedures?.numerator)}
      </Table.Td>
      <Table.Td className="st-num">
        {part(c.denominator, c.drill?.denominator, t('index.denominator'), c.drill?.procedures?.denominator)}
      </Table.Td>
      <Table.Td className="st-num">{formatRate(c.rate, i18n.language, t)}</Table.Td>
      <Table.Td className="st-num">
        {c.score === null ? t('common.dash') : formatNumber(c.score, i18n.language, 2)}/{max}
      </Table.Td>
    </Table.Tr>
  );
}
