import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierPath, type TimelineEvent } from '../model';
import { usePost } from './usePost';

const SCORES = ['1', '2', '3', '4', '5'] as const;

/**
 * "Đánh giá mức độ hài lòng", once the result is returned: five worded choices (not bare stars,
 * which say little to a screen reader) and a comment. Rated once; then the answer is shown.
 */
export function RatingPanel({
  dossierId,
  rated,
  onDone,
}: {
  dossierId: string;
  rated: TimelineEvent | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('dossiers');
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, setError, post } = usePost();

  if (rated) {
    const given = String(rated.data.score ?? '');
    return (
      <Card
        withBorder
        radius="md"
        padding="lg"
        component="section"
        aria-labelledby="rating-title"
        data-testid="rating-done"
      >
        <Title order={2} fz="h3" id="rating-title" mb="xs">
          {t('rating.title')}
        </Title>
        <Text>
          {t('rating.thanks', { label: t(`rating.score.${given}` as 'rating.score.5'), score: given })}
        </Text>
        {rated.note && <Text fs="italic">“{rated.note}”</Text>}
      </Card>
    );
  }

  const send = async () => {
    if (!score) {
      setError(t('rating.choose'));
      return;
    }
    await post(
      `${dossierPath(dossierId)}/rating`,
      { score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) },
      onDone,
    );
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="rating-title"
      data-testid="rating"
    >
      <Stack gap="sm">
        <Title order={2} fz="h3" id="rating-title">
          {t('rating.title')}
        </Title>
        <Radio.Group
          label={t('rating.question')}
          value={score}
          onChange={(v) => {
            setScore(v);
            setError(null);
          }}
          error={error ?? undefined}
          size="md"
        >
          <Group gap="xs" mt={6} className="cqs-choices">
            {SCORES.map((s) => (
              <Radio key={s} value={s} label={t(`rating.score.${s}`)} className="cqs-choice" />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('rating.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <div>
          <Button onClick={send} loading={busy}>
            {t('rating.send')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
