import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sendJson } from '../../ui/api';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useApiQuery } from '../../ui/useApiQuery';

type Organization = { id: string; taxCode: string; name: string; title: string | null };

/** The businesses and organisations the person represents, and linking one by its tax code. */
export function OrganizationsCard() {
  const { t, i18n } = useTranslation();
  const list = useApiQuery<{ items: Organization[] }>('/api/me/organizations', { fresh: true });
  const [form, setForm] = useState({ taxCode: '', name: '', title: '' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const lang = i18n.language;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/me/organizations', {
        taxCode: form.taxCode.trim(),
        name: form.name.trim(),
        ...(form.title.trim() ? { title: form.title.trim() } : {}),
      });
      setForm({ taxCode: '', name: '', title: '' });
      setOpen(false);
      list.retry();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string) => error?.fieldMessage(`body.${name}`, lang);
  const general =
    error && error.fieldErrors.length === 0
      ? ((lang === 'en' ? error.detail?.en : error.detail?.vi) ?? t('security.failed'))
      : null;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="orgs-title">
      <Title order={2} fz="h3" id="orgs-title" mb="xs">
        {t('organizations.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('organizations.intro')}
      </Text>
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.retry} />
      ) : list.status !== 'success' ? (
        <LoadingState label={t('account.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text mb="md">{t('organizations.none')}</Text>
      ) : (
        <ul className="cqs-list" data-testid="organizations">
          {list.data.items.map((o) => (
            <li key={o.id}>
              <Text fw={600}>{o.name}</Text>
              <Text size="sm" c="dimmed">
                {t('organizations.taxCode', { code: o.taxCode })}
                {o.title ? ` · ${o.title}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={480} mt="md">
            <TextInput
              label={t('organizations.taxCodeLabel')}
              description={t('organizations.taxCodeHelp')}
              inputMode="numeric"
              value={form.taxCode}
              onChange={(e) => setForm({ ...form, taxCode: e.currentTarget.value })}
              error={field('taxCode')}
              required
            />
            <TextInput
              label={t('organizations.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={field('name')}
              required
            />
            <TextInput
              label={t('organizations.role')}
              placeholder={t('organizations.rolePlaceholder')}
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
              error={field('title')}
            />
            {general && (
              <Alert color="red" variant="light" role="alert">
                {general}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy}>
                {t('organizations.add')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('organizations.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Button variant="light" mt="md" onClick={() => setOpen(true)}>
          {t('organizations.link')}
        </Button>
      )}
    </Card>
  );
}
