import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComponentFiles } from '../files/ComponentFiles';
import { vnDateTime } from '../format';
import { type Dossier, type DossierFile, dossierPath, formHref, type TimelineEvent } from '../model';
import { usePost } from './usePost';

/**
 * The office asked for more papers (Form 02): what it asked, a place to add files to each
 * component, then "Gửi hồ sơ bổ sung". The processing clock waits until the person sends it.
 */
export function SupplyPanel({
  dossier,
  events,
  files,
  onChanged,
}: {
  dossier: Dossier;
  events: TimelineEvent[];
  files: DossierFile[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('dossiers');
  const [added, setAdded] = useState<DossierFile[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { busy, error, setError, post } = usePost();
  const request = events.findLast((e) => e.type === 'request_supplement');
  const since = request ? Date.parse(request.at) : 0;
  const all = [...files.filter((f) => !added.some((a) => a.id === f.id)), ...added].filter(
    (f) => !removed.includes(f.id),
  );
  const isNew = (f: DossierFile) => Date.parse(f.uploadedAt) >= since;
  const items = Array.isArray(request?.data.items) ? request.data.items.map(String) : [];
  const reason = typeof request?.data.reason === 'string' ? request.data.reason : null;

  const send = async () => {
    if (busy) return;
    if (!all.some(isNew)) {
      setError(t('supply.nothingAdded'));
      return;
    }
    await post(
      `${dossierPath(dossier.id)}/commands`,
      { type: 'supply', ...(note.trim() ? { note: note.trim() } : {}) },
      onChanged,
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="supply-title"
      className="cqs-unread"
      data-testid="supply"
    >
      <Stack gap="md">
        <Title order={2} fz="h3" id="supply-title">
          {t('supply.title')}
        </Title>
        {request && (
          <Alert
            color="orange"
            variant="light"
            title={t('supply.asked', { at: vnDateTime(request.at, i18n.language) })}
          >
            <Stack gap={4}>
              {items.length > 0 && (
                <ul className="cqs-event-list">
                  {items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
              {reason && <Text size="sm">{t('timeline.reason', { reason })}</Text>}
              {request.note && <Text size="sm">“{request.note}”</Text>}
              <Text size="sm">
                <a href={formHref(dossier.id, '02')} target="_blank" rel="noopener">
                  {t('supply.form')}
                </a>
              </Text>
            </Stack>
          </Alert>
        )}
        <Text>{t('supply.intro')}</Text>
        {dossier.components.map((c) => (
          <ComponentFiles
            key={c.index}
            component={c}
            files={all.filter((f) => f.purpose === 'component' && f.componentIndex === c.index)}
            wallet={[]}
            dossierId={async () => dossier.id}
            onAdded={(f) => setAdded((list) => [...list, f])}
            onRemoved={(id) => setRemoved((list) => [...list, id])}
            canRemove={isNew}
          />
        ))}
        <Textarea
          label={t('supply.note')}
          description={t('supply.noteHelp')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <div>
          <Button onClick={send} loading={busy}>
            {t('supply.send')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
