import '@mantine/core/styles/Timeline.css';
import { Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import type { QueryResult } from '../../../ui/useApiQuery';
import { formatDateTime } from '../format';
import { Tag } from '../Tag';
import type { ProcedureVersion } from './api';
import { EditorBlock } from './EditorBlock';
import '../i18n';

/** Every version of the procedure, newest first: when, from where (national catalogue or an edit), by whom. */
export function VersionHistory({
  versions,
  current,
  nameOf,
}: {
  versions: QueryResult<{ items: ProcedureVersion[] }>;
  current: number;
  nameOf: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('admin');
  const source = (s: string) =>
    s === 'national_catalogue' || s === 'manual' ? t(`procedures.sources.${s}`) : s;
  return (
    <EditorBlock title={t('procedures.history')} intro={t('procedures.historyIntro')}>
      {versions.status === 'error' ? (
        <ErrorState error={versions.error} onRetry={versions.retry} />
      ) : versions.status !== 'success' ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0} data-testid="version-history">
          {[...versions.data.items].reverse().map((v) => (
            <Timeline.Item
              key={v.version}
              title={
                <Group gap="xs">
                  <Text fw={600}>{t('procedures.versionN', { n: v.version })}</Text>
                  {v.version === current && <Tag color="green">{t('procedures.currentVersion')}</Tag>}
                </Group>
              }
            >
              <Text size="sm">{formatDateTime(v.createdAt, i18n.language)}</Text>
              <Text size="sm" c="dimmed">
                {source(v.source)}
                {v.createdBy ? ` · ${nameOf(v.createdBy) ?? t('common.someone')}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </EditorBlock>
  );
}
