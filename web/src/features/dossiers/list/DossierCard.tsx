import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { pickLocalized } from '../../../ui/localized';
import { vnDateTime } from '../format';
import { type DossierListItem, submitHref } from '../model';
import { StatusBadge } from '../StatusBadge';

const OPEN = new Set(['received', 'in_progress', 'supplement_requested']);

/** One dossier of "Hồ sơ của tôi": what, its code, where it stands, when it is due, what to do. */
export function DossierCard({ dossier: d }: { dossier: DossierListItem }) {
  const { t, i18n } = useTranslation('dossiers');
  const titleId = useId();
  const isDraft = d.status === 'draft';
  const href = isDraft ? submitHref(d.procedureCode, d.id) : `/ho-so/${encodeURIComponent(d.id)}`;
  const name = pickLocalized(d.procedureName, i18n.language);
  const deadline =
    OPEN.has(d.status) && d.daysLeft !== null
      ? d.tone === 'overdue'
        ? t('list.overdue', { count: Math.abs(d.daysLeft) })
        : t('list.daysLeft', { count: d.daysLeft })
      : null;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="dossier-card"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} href={href} fw={600} id={titleId} c="gray.9" className="cqs-card-link">
            {name}
          </Anchor>
          <StatusBadge status={d.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {d.code ? `${t('detail.code')}: ${d.code}` : isDraft ? t('list.draftNote') : t('list.noCode')}
        </Text>
        {d.dueAt && (
          <Text size="sm">
            {t('detail.dueAt')}: <strong>{vnDateTime(d.dueAt, i18n.language)}</strong>
            {deadline && (
              <Text
                span
                size="sm"
                c={d.tone === 'overdue' ? 'red.8' : d.tone === 'due_soon' ? 'orange.9' : 'dimmed'}
              >
                {` · ${deadline}`}
              </Text>
            )}
          </Text>
        )}
        {(isDraft || d.status === 'supplement_requested') && (
          <Group mt={4}>
            <Button component={Link} href={href} size="sm" h={44} aria-describedby={titleId}>
              {isDraft ? t('list.continue') : t('list.supply')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
