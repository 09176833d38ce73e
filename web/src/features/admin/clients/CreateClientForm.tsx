import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import {
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { asApiError, fieldMessage } from '../errors';
import { RequestError } from '../RequestError';
import { GRANT_TYPES, type GrantType, registerClient } from './api';
import '../i18n';

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Registers a provincial system as an OpenID Connect client; the caller shows the secret it gets back. */
export function CreateClientForm({
  onCreated,
  onClose,
}: {
  onCreated: (clientId: string, secret: string | null) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const titleId = useId();
  const [clientId, setClientId] = useState('');
  const [name, setName] = useState('');
  const [grants, setGrants] = useState<GrantType[]>(['authorization_code', 'refresh_token']);
  const [redirects, setRedirects] = useState('');
  const [logoutRedirects, setLogoutRedirects] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [trusted, setTrusted] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const codeFlow = grants.includes('authorization_code');

  const badUri = lines(redirects).some((u) => !URL.canParse(u) || u.includes('#'));
  const local = {
    clientId: CLIENT_ID.test(clientId.trim()) ? undefined : t('clients.problems.clientId'),
    name: name.trim() ? undefined : t('clients.problems.name'),
    grantTypes: grants.length
      ? isPublic && grants.includes('client_credentials')
        ? t('clients.problems.publicCredentials')
        : undefined
      : t('clients.problems.grantTypes'),
    redirectUris:
      codeFlow && (lines(redirects).length === 0 || badUri) ? t('clients.problems.redirectUris') : undefined,
  };
  const message = (field: keyof typeof local) =>
    (checked ? local[field] : undefined) ??
    (field === 'clientId' && error?.code === 'IDENTITY.CLIENT_EXISTS'
      ? t('clients.problems.exists')
      : undefined) ??
    fieldMessage(error, i18n.language, field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const created = await registerClient({
        clientId: clientId.trim(),
        name: name.trim(),
        redirectUris: codeFlow ? lines(redirects) : [],
        postLogoutRedirectUris: codeFlow ? lines(logoutRedirects) : [],
        grantTypes: grants,
        public: isPublic,
        trusted,
      });
      onCreated(created.clientId, created.clientSecret);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="h3" id={titleId}>
              {t('clients.createTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('clients.createIntro')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('clients.clientId')}
              description={t('clients.clientIdHelp')}
              required
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={message('clientId')}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
            />
            <TextInput
              label={t('clients.name')}
              description={t('clients.nameHelp')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={message('name')}
              autoComplete="off"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('clients.grantTypes')}
            value={grants}
            onChange={(v) => setGrants(v as GrantType[])}
            error={message('grantTypes')}
          >
            <Stack gap="xs" mt="xs">
              {GRANT_TYPES.map((g) => (
                <Checkbox
                  key={g}
                  size="md"
                  value={g}
                  label={t(`clients.grants.${g}`)}
                  description={t(`clients.grantsHelp.${g}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {codeFlow && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Textarea
                size="md"
                label={t('clients.redirectUris')}
                description={t('clients.redirectUrisHelp')}
                required
                autosize
                minRows={2}
                value={redirects}
                onChange={(e) => setRedirects(e.currentTarget.value)}
                error={message('redirectUris')}
                spellCheck={false}
                placeholder="https://dichvu.tinh.gov.vn/callback"
              />
              <Textarea
                size="md"
                label={t('clients.logoutUris')}
                description={t('clients.logoutUrisHelp')}
                autosize
                minRows={2}
                value={logoutRedirects}
                onChange={(e) => setLogoutRedirects(e.currentTarget.value)}
                spellCheck={false}
              />
            </SimpleGrid>
          )}
          <Stack gap="xs">
            <Checkbox
              size="md"
              label={t('clients.public')}
              description={t('clients.publicHelp')}
              checked={isPublic}
              onChange={(e) => setPublic(e.currentTarget.checked)}
            />
            <Checkbox
              size="md"
              label={t('clients.trusted')}
              description={t('clients.trustedHelp')}
              checked={trusted}
              onChange={(e) => setTrusted(e.currentTarget.checked)}
            />
          </Stack>
          {error && <RequestError error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('clients.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
