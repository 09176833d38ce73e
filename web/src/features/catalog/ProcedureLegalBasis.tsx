import { Button, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

interface LegalDocument {
  number: string | null;
  title: string | null;
}

/**
 * The legal basis as imported: usually `{ title, number }` objects, sometimes plain strings; an
 * entry with neither is left out rather than shown as raw data.
 */
function legalDocuments(value: unknown): LegalDocument[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): LegalDocument[] => {
    if (typeof entry === 'string') return entry.trim() ? [{ number: null, title: entry.trim() }] : [];
    if (!entry || typeof entry !== 'object') return [];
    const { number, title, name } = entry as Record<string, unknown>;
    const n = typeof number === 'string' && number.trim() ? number.trim() : null;
    const t = typeof title === 'string' ? title.trim() : typeof name === 'string' ? name.trim() : '';
    return n || t ? [{ number: n, title: t || null }] : [];
  });
}

const shownFirst = 4;

/**
 * Căn cứ pháp lý: the laws, decrees and circulars the procedure rests on. Some procedures cite a
 * dozen or more; the first few show, the rest on request, so the page stays about the procedure.
 */
export function ProcedureLegalBasis({ legalBasis }: { legalBasis: unknown }) {
  const { t } = useTranslation('catalog');
  const documents = legalDocuments(legalBasis);
  const [all, setAll] = useState(false);
  const listId = useId();
  if (documents.length === 0) return null;
  const shown = all ? documents : documents.slice(0, shownFirst);
  return (
    <section className="cqs-section" aria-labelledby="legal-title">
      <Title order={2} fz="h3" id="legal-title">
        {t('procedure.legal')}
      </Title>
      <ul className="cqs-legal" id={listId}>
        {shown.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same document may be cited twice; the order is fixed
          <li key={`${i}-${d.number ?? d.title}`}>
            {d.number && <Text fw={600}>{d.number}</Text>}
            {d.title && d.title !== d.number && (
              <Text size="sm" c={d.number ? 'dimmed' : undefined}>
                {d.title}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {documents.length > shownFirst && (
        <Button
          variant="light"
          mt="sm"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll((v) => !v)}
        >
          {all ? t('procedure.legalLess') : t('procedure.legalMore', { count: documents.length })}
        </Button>
      )}
    </section>
  );
}
