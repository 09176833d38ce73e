import { Badge, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentComponent } from './api';
import './i18n';

/** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp"; the national data decorates its headings. */
function cleanHeading(group: string): string {
  return group.replace(/^[\s*+•-]+/, '').replace(/[\s:]+$/, '');
}

/** "- Giấy chứng sinh…" → "Giấy chứng sinh…": the list already marks each item. */
function cleanName(name: string): string {
  return name.replace(/^[\s+•-]+/, '');
}

function groupsOf(documents: DocumentComponent[]): { heading: string | null; items: DocumentComponent[] }[] {
  const groups: { heading: string | null; items: DocumentComponent[] }[] = [];
  for (const doc of documents) {
    const heading = doc.group ? cleanHeading(doc.group) || null : null;
    const last = groups.at(-1);
    if (last && last.heading === heading) last.items.push(doc);
    else groups.push({ heading, items: [doc] });
  }
  return groups;
}

/** Thành phần hồ sơ: each paper to bring or upload, how many originals and copies, and its template. */
export function ProcedureDocuments({ documents }: { documents: DocumentComponent[] }) {
  const { t } = useTranslation('catalog');
  return (
    <section className="cqs-section" aria-labelledby="documents-title">
      <Title order={2} fz="h3" id="documents-title">
        {t('procedure.documents.title')}
      </Title>
      {documents.length === 0 ? (
        <Text mt="sm">{t('procedure.documents.none')}</Text>
      ) : (
        groupsOf(documents).map((group, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: components have no id; their order is the catalogue's
          <div key={`${group.heading ?? ''}-${i}`} className="cqs-doc-group">
            {group.heading && (
              <Title order={3} fz="md" mt="md">
                {group.heading}
              </Title>
            )}
            <ol className="cqs-docs">
              {group.items.map((doc, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <DocumentItem key={`${j}-${doc.name.slice(0, 40)}`} doc={doc} />
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

function DocumentItem({ doc }: { doc: DocumentComponent }) {
  const { t } = useTranslation('catalog');
  const counts = [
    doc.originals > 0 ? t('procedure.documents.originals', { count: doc.originals }) : null,
    doc.copies > 0 ? t('procedure.documents.copies', { count: doc.copies }) : null,
  ].filter(Boolean);
  // The national data also lists notes ("Trường hợp … thì không phải nộp") as components, with no
  // original, copy or template: "Bắt buộc" on those would mislead, so only papers get the badge.
  const paper = counts.length > 0 || doc.templates.length > 0;
  return (
    <li>
      <Text className="cqs-prose">{cleanName(doc.name)}</Text>
      {paper && (
        <Group gap={6} mt={6} wrap="wrap">
          <Badge variant="outline" color={doc.required ? 'red.9' : 'gray.8'} tt="none" size="md">
            {doc.required ? t('procedure.documents.required') : t('procedure.documents.optional')}
          </Badge>
          {counts.length > 0 && (
            <Text size="sm" c="dimmed">
              {counts.join(' · ')}
            </Text>
          )}
        </Group>
      )}
      {doc.reusable && (
        <Text size="sm" mt={4}>
          {t('procedure.documents.reusable')}
        </Text>
      )}
      {doc.templates.length > 0 && (
        <div className="cqs-templates">
          <Text size="sm" fw={600}>
            {t('procedure.documents.templates')}
          </Text>
          <ul>
            {doc.templates.map((template, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same file name may be listed twice
              <li key={`${k}-${template}`}>
                {/^https?:\/\//i.test(template) ? (
                  <a href={template} target="_blank" rel="noopener noreferrer" className="cqs-file-link">
                    {fileName(template)}
                  </a>
                ) : (
                  <Text size="sm" component="span">
                    {template}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

/** The file's name from its URL, for a readable link text. */
function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}
