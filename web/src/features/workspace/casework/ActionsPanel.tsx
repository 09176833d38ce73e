import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Agency, type Dossier, OFFICIAL_ACTIONS, type OfficialAction } from '../api';
import { ActionDialog } from './actions/ActionDialog';

const PRIMARY = new Set<OfficialAction>(['receive', 'approve', 'return_result']);
const DESTRUCTIVE = new Set<OfficialAction>(['refuse_intake', 'refuse', 'suspend']);

export interface ActionsPanelProps {
  dossier: Dossier;
  agencies: Agency[];
  onDone: (action: OfficialAction, dossier: Dossier) => void;
}

/** Only what the server's policy allows this person now (`actions` of the dossier), each in a dialog. */
export function ActionsPanel({ dossier, agencies, onDone }: ActionsPanelProps) {
  const { t } = useTranslation('workspace');
  const [open, setOpen] = useState<OfficialAction | null>(null);
  const allowed = OFFICIAL_ACTIONS.filter((a) => dossier.actions.includes(a));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="actions-title">
      <Title order={2} fz="h4" id="actions-title" mb="sm">
        {t('casework.actions')}
      </Title>
      {allowed.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="no-actions">
          {t('casework.noActions')}
        </Text>
      ) : (
        <Stack gap="xs">
          {allowed.map((a) => (
            <Button
              key={a}
              fullWidth
              justify="flex-start"
              variant={PRIMARY.has(a) ? 'filled' : DESTRUCTIVE.has(a) ? 'outline' : 'light'}
              color={DESTRUCTIVE.has(a) ? 'red.9' : undefined}
              onClick={() => setOpen(a)}
              h="auto"
              mih={44}
              py={8}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            >
              {t(`action.${a}.button`)}
            </Button>
          ))}
        </Stack>
      )}
      {open && (
        <ActionDialog
          action={open}
          dossier={dossier}
          agencies={agencies}
          onClose={() => setOpen(null)}
          onDone={(d) => {
            setOpen(null);
            onDone(open, d);
          }}
        />
      )}
    </Card>
  );
}
