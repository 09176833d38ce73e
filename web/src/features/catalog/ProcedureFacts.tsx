import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from './api';
import { OnlineBadge, useLevelText } from './badges';
import { formatVnd, processingTime } from './format';
import './i18n';

const channels = ['online', 'direct', 'postal'] as const;
const resultTypes = ['paper', 'electronic', 'both'] as const;

/** The procedure at a glance: who decides, who may ask, how long, how much, what one gets. */
export function ProcedureFacts({ procedure: p }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation('catalog');
  const levelText = useLevelText();
  const time = processingTime(t, p, i18n.language);
  const resultType = resultTypes.find((r) => r === p.resultType);

  const rows: { label: string; value: ReactNode }[] = [
    { label: t('procedure.code'), value: p.code },
    ...(p.field ? [{ label: t('procedure.field'), value: p.field }] : []),
    { label: t('procedure.level'), value: levelText(p.levels) },
    ...(p.competentAuthority ? [{ label: t('procedure.authority'), value: p.competentAuthority }] : []),
    ...(p.receivingPlaces ? [{ label: t('procedure.receiving'), value: p.receivingPlaces }] : []),
    ...(p.applicantTypes.length > 0
      ? [{ label: t('procedure.applicants'), value: p.applicantTypes.join('; ') }]
      : []),
    { label: t('procedure.time'), value: time ?? t('notPublished') },
    { label: t('procedure.fee'), value: feeSummary() },
    {
      label: t('procedure.channels'),
      value:
        channels
          .filter((c) => p.channels.includes(c))
          .map((c) => t(`procedure.channel.${c}`))
          .join('; ') || t('notPublished'),
    },
    {
      label: t('procedure.onlineType'),
      value: (
        <>
          <OnlineBadge type={p.onlineType} />
          {p.onlineType !== 'full' && p.partialReason && (
            <Text component="span" display="block" size="sm" fw={400} mt={4}>
              {p.partialReason}
            </Text>
          )}
        </>
      ),
    },
  ];
  if (p.results.length > 0 || resultType)
    rows.push({
      label: t('procedure.result'),
      value: (
        <>
          {p.results.map((r) => r.name).join('; ')}
          {resultType && (
            <Text component="span" display="block" size="sm" fw={400} mt={p.results.length ? 4 : 0}>
              {t(`procedure.resultType.${resultType}`)}
            </Text>
          )}
        </>
      ),
    });

  function feeSummary(): string {
    if (p.feeFree) return t('procedure.fees.free');
    if (p.fees.length === 1) {
      const amount = p.fees[0]!.amountVnd;
      return amount === 0 ? t('procedure.fees.free') : formatVnd(t, amount, i18n.language);
    }
    if (p.fees.length > 1) return t('procedure.fees.byCase');
    return t('procedure.fees.seeBelow');
  }

  return (
    <section className="cqs-section" aria-labelledby="facts-title">
      <Title order={2} fz="h3" id="facts-title">
        {t('procedure.factsTitle')}
      </Title>
      <dl className="cqs-procedure-dl">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
