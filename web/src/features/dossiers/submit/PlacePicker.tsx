import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../admin-units/api';
import { CommuneSelect } from './eform/CommuneSelect';
import type { Commune } from './Wizard';

export const PLACE_FIELD_ID = 'wizard-commune';

export interface PlaceProps {
  needsCommune: boolean;
  /** The draft exists: the commune that receives it is settled. */
  locked: boolean;
  commune: Commune | null;
  communes: AdminUnit[] | undefined;
  error: string | null;
}

/**
 * "Nơi nộp hồ sơ" for commune-level procedures: the commune chosen decides which People's
 * Committee decides and which one-stop desk receives. It cannot change once the draft is saved.
 */
export function PlacePicker({
  locked,
  commune,
  communes,
  error,
  onChange,
}: PlaceProps & {
  onChange: (c: Commune | null) => void;
}) {
  const { t } = useTranslation('dossiers');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="place-title">
      <Stack gap="xs">
        <Title order={3} fz="h4" id="place-title">
          {t('place.title')}
        </Title>
        {locked ? (
          <Text data-testid="place-locked">
            {commune ? t('place.chosen', { name: commune.name }) : t('place.settled')}
          </Text>
        ) : (
          <CommuneSelect
            id={PLACE_FIELD_ID}
            label={t('place.label')}
            description={t('place.help')}
            required
            error={error ?? undefined}
            communes={communes}
            value={commune?.code}
            onChange={(code) => {
              const unit = communes?.find((c) => c.code === code);
              onChange(code ? { code, name: unit?.name ?? code } : null);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
