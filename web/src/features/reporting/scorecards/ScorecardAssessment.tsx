import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { usePageTitle } from '../../../app/title';
import { ApiError, sendJson } from '../../../ui/api';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { useApiQuery } from '../../../ui/useApiQuery';
import {
  type Assessment,
  agencyName,
  assessmentApi,
  errorText,
  formatScore,
  parseScore,
  type ScoreLine,
  setHref,
} from './api';
import { ScorecardEvidence } from './ScorecardEvidence';

type Draft = { score: string; explanation: string; review: string; note: string };
const draftOf = (l: ScoreLine, lang: string): Draft => ({
  score: l.selfScore === null ? '' : formatScore(l.selfScore, lang),
  explanation: l.explanation ?? '',
  review: l.reviewedScore === null ? '' : formatScore(l.reviewedScore, lang),
  note: l.reviewNote ?? '',
});

/**
 * One unit's assessment. Its officials fill scores, explanations and evidence, then submit; the DX
 * office sets reviewed scores with notes and finishes the review; anyone else allowed only reads.
 */
export function ScorecardAssessment({ setId, agencyId }: { setId: string; agencyId: string }) {
  const { t, i18n } = useTranslation('scorecards');
  const lang = i18n.language;
  const base = assessmentApi(setId, agencyId);
  const q = useApiQuery<Assessment>(base, { fresh: true });
  const [data, setData] = useState<Assessment | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // A fresh answer refreshes the lines; what the person has typed and not saved stays. (The query
  // result is a new object each render: only a new answer, not a re-render, may replace `data`.)
  const fetched = q.status === 'success' ? q.data : null;
  useEffect(() => {
    if (!fetched) return;
    setData(fetched);
    setDrafts((prev) =>
      Object.fromEntries(
        fetched.lines.map((l) => [l.indicator.code, prev[l.indicator.code] ?? draftOf(l, lang)]),
      ),
    );
  }, [fetched, lang]);
  usePageTitle(data ? `${agencyName(data.agency, lang)} — ${data.set.name}` : t('title'));

  if (q.status === 'error') return <ErrorState error={q.error} onRetry={q.retry} />;
  if (!data) return <LoadingState label={t('gate.loading')} />;

  const editable = data.actions.includes('edit');
  const reviewing = data.actions.includes('review');
  const manual = data.lines.filter((l) => !l.indicator.measure);
  const set = (code: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [code]: { ...(d[code] as Draft), ...patch } }));
  const loaded = (a: Assessment) => {
    setData(a);
    setDrafts(Object.fromEntries(a.lines.map((l) => [l.indicator.code, draftOf(l, lang)])));
  };

  /** Field errors of the server, keyed by indicator code and what they are about. */
  const collect = (e: unknown, order: ScoreLine[]) => {
    const out: Record<string, string> = {};
    if (e instanceof ApiError)
      for (const f of e.fieldErrors) {
        const text = lang === 'en' ? f.en : f.vi;
        const byIndex = /^(?:body\.)?scores\.(\d+)\.(\w+)$/.exec(f.field);
        const byCode = /^indicators\.(.+)\.(\w+)$/.exec(f.field);
        if (byIndex) out[`${order[Number(byIndex[1])]?.indicator.code}.${byIndex[2]}`] = text;
        else if (byCode) out[`${byCode[1]}.${byCode[2]}`] = text;
      }
    return out;
  };

  const run = async (work: () => Promise<string | null>, order: ScoreLine[]) => {
    setBusy(true);
    setNotice(null);
    setErrors({});
    try {
      const ok = await work();
      if (ok) setNotice({ ok: true, text: ok });
    } catch (e) {
      setErrors(collect(e, order));
      setNotice({ ok: false, text: errorText(e, lang, t('form.failed')) });
    } finally {
      setBusy(false);
    }
  };

  /** Reads the typed numbers; a non-number is marked at its field and nothing is sent. */
  const parsed = (lines: ScoreLine[], key: 'score' | 'review', what: 'selfScore' | 'reviewedScore') => {
    const bad: Record<string, string> = {};
    const values = lines.map((l) => {
      const v = parseScore(drafts[l.indicator.code]?.[key] ?? '');
      if (Number.isNaN(v)) bad[`${l.indicator.code}.${what}`] = t('form.notANumber');
      return v;
    });
    if (Object.keys(bad).length) {
      setErrors(bad);
      setNotice({ ok: false, text: t('form.failed') });
      return null;
    }
    return values;
  };

  const saveSelf = async () => {
    const values = parsed(manual, 'score', 'selfScore');
    if (!values) return null;
    const scores = manual.map((l, i) => ({
      indicatorCode: l.indicator.code,
      selfScore: values[i] ?? null,
      explanation: drafts[l.indicator.code]?.explanation ?? null,
    }));
    // Measured lines carry only their explanation.
    for (const l of data.lines.filter((x) => x.indicator.measure))
      scores.push({
        indicatorCode: l.indicator.code,
        selfScore: null,
        explanation: drafts[l.indicator.code]?.explanation ?? null,
      });
    return sendJson<Assessment>('PUT', `${base}/scores`, { scores });
  };
  const order = [...manual, ...data.lines.filter((x) => x.indicator.measure)];
  const onSave = () =>
    run(async () => {
      const a = await saveSelf();
      if (!a) return null;
      loaded(a);
      return t('form.saved');
    }, order);
  const onSubmit = () =>
    run(async () => {
      const a = await saveSelf();
      if (!a) return null;
      loaded(a);
      loaded(await sendJson<Assessment>('POST', `${base}/submit`));
      return t('form.submitted');
    }, order);

  const saveReview = async () => {
    const values = parsed(data.lines, 'review', 'reviewedScore');
    if (!values) return null;
    return sendJson<Assessment>('PUT', `${base}/review`, {
      scores: data.lines.map((l, i) => ({
        indicatorCode: l.indicator.code,
        reviewedScore: values[i] ?? null,
        reviewNote: drafts[l.indicator.code]?.note ?? null,
      })),
    });
  };
  const onSaveReview = () =>
    run(async () => {
      const a = await saveReview();
      if (!a) return null;
      loaded(a);
      return t('form.saved');
    }, data.lines);
  const onFinishReview = () =>
    run(async () => {
      const a = await saveReview();
      if (!a) return null;
      loaded(await sendJson<Assessment>('POST', `${base}/reviewed`));
      return t('form.reviewDone');
    }, data.lines);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} href={setHref(setId)} size="sm">
          ← {t('form.back')}
        </Anchor>
        <Title order={1} fz={{ base: 24, sm: 30 }} className="sc-break">
          {agencyName(data.agency, lang)}
        </Title>
        <Text c="dimmed" className="sc-break">
          {data.set.name}
        </Text>
        <Group gap="xs">
          <Badge
            variant="light"
            color={data.status === 'reviewed' ? 'green' : data.status === 'submitted' ? 'blue' : 'gray'}
          >
            {t(`assessmentStatus.${data.status}`)}
          </Badge>
          <Text size="sm" fw={600}>
            {t('form.total', { total: formatScore(data.total, lang), max: formatScore(data.maxTotal, lang) })}
          </Text>
        </Group>
      </Stack>
      <Stack gap="md" component="ol" className="sc-plain-list">
        {data.lines.map((l) => {
          const code = l.indicator.code;
          const d = drafts[code] ?? draftOf(l, lang);
          const max = formatScore(l.indicator.maxPoints, lang);
          return (
            <Card
              key={code}
              component="li"
              withBorder
              radius="md"
              padding="md"
              className="sc-indicator"
              data-indicator={code}
            >
              <Stack gap="sm">
                <div>
                  <Text size="xs" c="dimmed">
                    {l.indicator.pillar} · {code} · {t('indicators.max', { max })}
                  </Text>
                  <Text fw={600} className="sc-break">
                    {l.indicator.name}
                  </Text>
                  {l.indicator.evidenceRequired && (
                    <Text size="sm" c="dimmed">
                      {t('indicators.evidence', { what: l.indicator.evidenceRequired })}
                    </Text>
                  )}
                </div>
                {l.indicator.measure ? (
                  <Text size="sm">
                    {l.measuredScore === null
                      ? t('form.measuredNone')
                      : t('form.measuredScore', { score: formatScore(l.measuredScore, lang) })}
                  </Text>
                ) : editable ? (
                  <TextInput
                    label={t('form.selfScore', { code, max })}
                    inputMode="decimal"
                    maw={240}
                    value={d.score}
                    onChange={(e) => set(code, { score: e.currentTarget.value })}
                    error={errors[`${code}.selfScore`]}
                  />
                ) : (
                  <Text size="sm">
                    {t('form.selfShown', {
                      score: l.selfScore === null ? '—' : formatScore(l.selfScore, lang),
                    })}
                  </Text>
                )}
                {editable ? (
                  <Textarea
                    label={t('form.explanation', { code })}
                    autosize
                    minRows={2}
                    value={d.explanation}
                    onChange={(e) => set(code, { explanation: e.currentTarget.value })}
                  />
                ) : (
                  l.explanation && (
                    <Text size="sm" className="sc-break">
                      {t('form.explanationShown', { text: l.explanation })}
                    </Text>
                  )
                )}
                {(editable || l.evidence.length > 0 || l.indicator.evidenceRequired) && (
                  <ScorecardEvidence
                    line={l}
                    base={base}
                    editable={editable}
                    error={errors[`${code}.evidence`]}
                    onChanged={q.retry}
                  />
                )}
                {reviewing ? (
                  <Group gap="sm" align="flex-start" wrap="wrap">
                    <TextInput
                      label={t('form.reviewScore', { code, max })}
                      inputMode="decimal"
                      w={200}
                      value={d.review}
                      onChange={(e) => set(code, { review: e.currentTarget.value })}
                      error={errors[`${code}.reviewedScore`]}
                    />
                    <TextInput
                      label={t('form.reviewNote', { code })}
                      style={{ flex: '1 1 14rem' }}
                      value={d.note}
                      onChange={(e) => set(code, { note: e.currentTarget.value })}
                    />
                  </Group>
                ) : (
                  <>
                    {l.reviewedScore !== null && (
                      <Text size="sm">
                        {t('form.reviewedShown', { score: formatScore(l.reviewedScore, lang) })}
                      </Text>
                    )}
                    {l.reviewNote && (
                      <Text size="sm" className="sc-break">
                        {t('form.reviewNoteShown', { note: l.reviewNote })}
                      </Text>
                    )}
                  </>
                )}
                <Text size="sm" c="dimmed">
                  {t('form.counted', { score: formatScore(l.score, lang) })}
                </Text>
              </Stack>
            </Card>
          );
        })}
      </Stack>
      {notice && (
        <Alert color={notice.ok ? 'green' : 'red'} variant="light" role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </Alert>
      )}
      {editable && (
        <Group gap="sm">
          <Button variant="default" onClick={onSave} loading={busy}>
            {t('form.save')}
          </Button>
          <Button onClick={onSubmit} loading={busy}>
            {t('form.submit')}
          </Button>
        </Group>
      )}
      {reviewing && (
        <Group gap="sm">
          <Button variant="default" onClick={onSaveReview} loading={busy}>
            {t('form.saveReview')}
          </Button>
          <Button onClick={onFinishReview} loading={busy}>
            {t('form.finishReview')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
