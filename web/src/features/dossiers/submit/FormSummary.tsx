import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/localized';
import type { AdminUnit } from '../../admin-units/api';
import { vnDate } from '../format';
import { type EFormUi, getAt, hintFor, isObject, type JsonSchema, label, nodeAt } from './eform/schema';

interface Entry {
  path: string;
  name: string;
  value: string;
}

/**
 * The filled form as the person will be held to it: each group's answers, nested parts and list
 * entries spelled out ("Nơi cư trú · Xã, phường"), empty answers left out.
 */
export function FormSummary({
  root,
  ui,
  data,
  communes,
}: {
  root: JsonSchema;
  ui: EFormUi;
  data: Record<string, unknown>;
  communes: AdminUnit[] | undefined;
}) {
  const { t, i18n } = useTranslation('dossiers');
  const lang = i18n.language;
  const groups = ui.groups?.length
    ? ui.groups
    : [{ title: label(root, lang), fields: Object.keys(root.properties ?? {}) }];

  const show = (path: string, node: JsonSchema, value: unknown): string => {
    if (hintFor(ui.widgets, path) === 'commune' && typeof value === 'string')
      return communes?.find((c) => c.code === value)?.name ?? value;
    if (typeof value === 'boolean') return value ? t('review.yes') : t('review.no');
    if (typeof value === 'number') return formatNumber(value, lang);
    if (typeof value === 'string' && (node.format === 'date' || /^\d{4}-\d{2}$/.test(value)))
      return vnDate(value);
    return String(value);
  };

  const entries = (path: string, prefix: string[]): Entry[] => {
    const at = nodeAt(root, path);
    const value = getAt(data, path);
    if (!at || value === undefined) return [];
    const name = [...prefix, label(at.node, lang, path)];
    if (Array.isArray(value)) {
      return value.flatMap((item, i) => {
        const itemName = [
          ...name.slice(0, -1),
          `${label(nodeAt(root, `${path}.${i}`)?.node, lang)} ${i + 1}`,
        ];
        return isObject(item)
          ? Object.keys(item).flatMap((k) => entries(`${path}.${i}.${k}`, itemName))
          : [{ path: `${path}.${i}`, name: itemName.join(' · '), value: String(item) }];
      });
    }
    if (isObject(value)) {
      const keys = Object.keys(at.node.properties ?? value);
      return keys.flatMap((k) => entries(`${path}.${k}`, name));
    }
    return [{ path, name: name.join(' · '), value: show(path, at.node, value) }];
  };

  return (
    <Stack gap="md">
      {groups.map((g) => {
        const list = g.fields.flatMap((f) => entries(f, []));
        return (
          <div key={g.title}>
            <Title order={4} fz="md" mb={6}>
              {label(g, lang)}
            </Title>
            {list.length ? (
              <dl className="cqs-summary">
                {list.map((e) => (
                  <div key={e.path}>
                    <dt>{e.name}</dt>
                    <dd>{e.value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <Text size="sm" c="dimmed">
                {t('review.nothing')}
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
