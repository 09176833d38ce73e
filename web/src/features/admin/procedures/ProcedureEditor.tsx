import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import type { ApiError } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { useAllAgencies } from '../agencies/api';
import { asApiError, fieldMessage } from '../errors';
import { RequestError } from '../RequestError';
import { Tag } from '../Tag';
import { usePeopleNames } from '../usePeopleNames';
import { type ProcedureDetail, type ProcedureVersion, procedurePath, saveProcedure } from './api';
import { DocumentsEditor } from './DocumentsEditor';
import { draftOf, draftProblems, patchOf } from './draft';
import { EformEditor } from './EformEditor';
import { FeesEditor } from './FeesEditor';
import { GeneralFields } from './GeneralFields';
import { VersionHistory } from './VersionHistory';
import '../i18n';

/**
 * One procedure's editor (`?ma=1.000426`). Saving makes a new version; dossiers already filed keep
 * theirs. The history beside the form shows every version.
 */
export function ProcedureEditor({ code, backHref }: { code: string; backHref: string }) {
  const { t } = useTranslation('admin');
  const detail = useApiQuery<ProcedureDetail>(procedurePath(code), { fresh: true });
  const versions = useApiQuery<{ items: ProcedureVersion[] }>(`${procedurePath(code)}/versions`, {
    fresh: true,
  });
  const agencies = useAllAgencies();
  const nameOf = usePeopleNames(true);
  const [saved, setSaved] = useState<number | null>(null);

  const back = (
    <Anchor component={Link} href={backHref}>
      ← {t('procedures.backToList')}
    </Anchor>
  );
  if (detail.status === 'error')
    return (
      <Stack gap="md">
        {back}
        {detail.error.status === 404 ? (
          <Title order={1} fz="h2">
            {t('procedures.notFound', { code })}
          </Title>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.retry} />
        )}
      </Stack>
    );
  if (detail.status !== 'success' || agencies.status === 'loading')
    return <LoadingState label={t('common.loading')} />;

  const procedure = detail.data;
  return (
    <Stack gap="lg">
      {back}
      <ProcedureHeading procedure={procedure} />
      {saved !== null && (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={t('procedures.savedTitle', { n: saved })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(null)}
        >
          {t('procedures.saved')}
        </Alert>
      )}
      <div className="cqs-admin-split">
        <EditorForm
          // A new version resets the form to what was saved.
          key={procedure.currentVersion}
          procedure={procedure}
          agencies={agencies.status === 'success' ? agencies.data.items : []}
          onSaved={(n) => {
            setSaved(n);
            detail.retry();
            versions.retry();
          }}
        />
        <VersionHistory versions={versions} current={procedure.currentVersion} nameOf={nameOf} />
      </div>
    </Stack>
  );
}

function ProcedureHeading({ procedure }: { procedure: ProcedureDetail }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <span className="cqs-admin-code">{procedure.code}</span>
        <Tag color={procedure.enabled ? 'green' : 'gray'}>
          {procedure.enabled ? t('procedures.enabled') : t('procedures.disabled')}
        </Tag>
        <Tag>{t('procedures.versionN', { n: procedure.currentVersion })}</Tag>
      </Group>
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        {pickLocalized(procedure.name, i18n.language)}
      </Title>
      <Text c="dimmed">
        {[procedure.field, procedure.competentAuthority].filter(Boolean).join(' · ')}
        {procedure.enabled && (
          <>
            {' · '}
            <Anchor
              component={Link}
              href={`/thu-tuc/${encodeURIComponent(procedure.code)}`}
              underline="always"
            >
              {t('procedures.viewPublic')}
            </Anchor>
          </>
        )}
      </Text>
    </Stack>
  );
}

function EditorForm({
  procedure,
  agencies,
  onSaved,
}: {
  procedure: ProcedureDetail;
  agencies: Parameters<typeof GeneralFields>[0]['agencies'];
  onSaved: (version: number) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const [draft, setDraft] = useState(() => draftOf(procedure));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const problems = draftProblems(draft);
  const problemCount = Object.keys(problems).length;
  const problem = (field: string) => {
    const own = checked ? problems[field] : undefined;
    return own ? t(`procedures.problems.${own}`) : fieldMessage(error, i18n.language, field);
  };
  const update = (change: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setUnchanged(false);
  };

  const save = async () => {
    setChecked(true);
    setUnchanged(false);
    if (problemCount > 0) return;
    const patch = patchOf(draft, procedure);
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { version } = await saveProcedure(procedure.code, patch);
      onSaved(version);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const block = { draft, update, problem };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <GeneralFields {...block} agencies={agencies} />
        <FeesEditor {...block} />
        <DocumentsEditor {...block} />
        <EformEditor {...block} serverError={error} />
        <Card withBorder padding="md" radius="md" className="cqs-admin-savebar">
          <Stack gap="sm">
            {checked && problemCount > 0 && (
              <Alert color="red" variant="light" role="alert">
                {t('procedures.fixProblems', { count: problemCount })}
              </Alert>
            )}
            {error && <RequestError error={error} title={t('procedures.saveFailed')} />}
            {unchanged && (
              <Text role="status" c="dimmed">
                {t('procedures.nothingChanged')}
              </Text>
            )}
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" maw={520}>
                {t('procedures.saveHelp')}
              </Text>
              <Group gap="sm">
                <Button
                  variant="default"
                  disabled={busy}
                  onClick={() => {
                    setDraft(draftOf(procedure));
                    setChecked(false);
                    setError(null);
                  }}
                >
                  {t('procedures.reset')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('procedures.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </form>
  );
}
