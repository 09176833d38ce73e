import { Alert, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from './api';
import { formatVnd } from './format';
import './i18n';

// "Không có thông tin" and the like say nothing a citizen can act on.
const noInformation = /^\s*(không có thông tin)?\s*$/i;

/** Phí, lệ phí: each case with its amount in đồng, or "Miễn phí", and the level-2 waiver. */
export function ProcedureFees({ procedure: p }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation('catalog');
  let body: ReactNode;
  if (p.feeFree) body = <Text fw={600}>{t('procedure.fees.free')}</Text>;
  else if (p.fees.length > 0)
    body = (
      <ul className="cqs-fees">
        {p.fees.map((fee, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fee cases have no id; their order is the catalogue's
          <li key={`${i}-${fee.label}`}>
            <span className="cqs-fee-amount">
              {fee.amountVnd === 0 ? t('procedure.fees.free') : formatVnd(t, fee.amountVnd, i18n.language)}
            </span>
            {fee.label && <span className="cqs-fee-label">{fee.label}</span>}
          </li>
        ))}
      </ul>
    );
  else if (p.feeText && !noInformation.test(p.feeText)) body = <Text className="cqs-prose">{p.feeText}</Text>;
  else body = <Text>{t('procedure.fees.none')}</Text>;

  return (
    <section className="cqs-section" aria-labelledby="fees-title">
      <Title order={2} fz="h3" id="fees-title" mb="sm">
        {t('procedure.fees.title')}
      </Title>
      {body}
      {p.level2FeeWaived && !p.feeFree && (
        <Alert variant="light" color="teal" mt="md" title={t('procedure.fees.level2Title')}>
          {t('procedure.fees.level2')}
        </Alert>
      )}
    </section>
  );
}
