import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { formatDateTime } from '../format';
import { ScrollTable } from '../ScrollTable';
import { SectionHeader } from '../SectionHeader';
import { Tag } from '../Tag';
import { CLIENTS_PATH, type OidcClient } from './api';
import { CreateClientForm } from './CreateClientForm';
import { SecretReveal } from './SecretReveal';
import '../i18n';

/**
 * `/quan-tri/ung-dung`: the systems that sign people in through the province's identity provider
 * (OpenID Connect clients), registering a new one, and the way to the audit trail.
 */
export function ClientsSection(_props: SectionProps) {
  const { t } = useTranslation('admin');
  const clients = useApiQuery<{ items: OidcClient[] }>(CLIENTS_PATH, { fresh: true });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ clientId: string; secret: string | null } | null>(null);

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('sections.clients.title')}
        intro={t('clients.intro')}
        action={
          <Group gap="sm">
            <Button component={Link} href="/quan-tri/nhat-ky" variant="default">
              {t('clients.auditLink')}
            </Button>
            {!creating && !created && (
              <Button onClick={() => setCreating(true)}>{t('clients.create')}</Button>
            )}
          </Group>
        }
      />
      {created && (
        <SecretReveal clientId={created.clientId} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      {creating && (
        <CreateClientForm
          onClose={() => setCreating(false)}
          onCreated={(clientId, secret) => {
            setCreating(false);
            setCreated({ clientId, secret });
            clients.retry();
          }}
        />
      )}
      {clients.status === 'error' ? (
        <ErrorState error={clients.error} onRetry={clients.retry} />
      ) : clients.status !== 'success' ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <ClientTable clients={clients.data.items} />
      )}
      <Text size="sm" c="dimmed">
        {t('clients.discovery')}{' '}
        <Anchor href="/.well-known/openid-configuration" className="cqs-admin-code" underline="always">
          /.well-known/openid-configuration
        </Anchor>
      </Text>
    </Stack>
  );
}

function ClientTable({ clients }: { clients: readonly OidcClient[] }) {
  const { t, i18n } = useTranslation('admin');
  const grantName = (g: string) =>
    g === 'authorization_code' || g === 'refresh_token' || g === 'client_credentials'
      ? t(`clients.grants.${g}`)
      : g;
  return (
    <ScrollTable label={t('clients.tableLabel')} minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('clients.columns.client')}</Table.Th>
          <Table.Th>{t('clients.columns.grants')}</Table.Th>
          <Table.Th>{t('clients.columns.redirects')}</Table.Th>
          <Table.Th>{t('clients.columns.kind')}</Table.Th>
          <Table.Th>{t('clients.columns.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((c) => (
          <Table.Tr key={c.clientId} data-client={c.clientId}>
            <Table.Td>
              <Text fw={600}>{c.name}</Text>
              <span className="cqs-admin-code">{c.clientId}</span>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{(c.metadata.grant_types ?? []).map(grantName).join(', ')}</Text>
            </Table.Td>
            <Table.Td>
              {(c.metadata.redirect_uris ?? []).map((u) => (
                <Text size="sm" key={u} className="cqs-admin-code" style={{ whiteSpace: 'normal' }}>
                  {u}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {c.trusted && <Tag color="green">{t('clients.trustedBadge')}</Tag>}
                <Tag color="gray">
                  {c.metadata.token_endpoint_auth_method === 'none'
                    ? t('clients.publicBadge')
                    : t('clients.confidentialBadge')}
                </Tag>
                {c.disabled && <Tag color="red">{t('clients.disabledBadge')}</Tag>}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(c.createdAt, i18n.language)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
