import '@mantine/core/styles/Fieldset.css';
import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId, useEForm, useProblemText } from './context';
import { LeafField } from './LeafField';
import { getAt, hintFor, label, nodeAt, withDefaults } from './schema';

/** Fields that read better across the whole width: nested parts, lists, long texts, declarations. */
const wide = (path: string, type: string | undefined, widget: string | undefined) =>
  type === 'object' ||
  type === 'array' ||
  type === 'boolean' ||
  widget === 'textarea' ||
  path.endsWith('detail');

/**
 * The e-form as the procedure's `ui` groups it: each group a fieldset under its own heading, fields
 * in the order given, nested parts (an address, a parcel) and lists (household members) inside.
 */
export function EForm() {
  const { root, ui } = useEForm();
  const { i18n } = useTranslation('dossiers');
  const groups = ui.groups?.length
    ? ui.groups
    : [
        {
          title: root.title ?? '',
          'x-en': root['x-en'],
          fields: ui.order ?? Object.keys(root.properties ?? {}),
        },
      ];
  return (
    <Stack gap="lg">
      {groups.map((g, i) => (
        <Fieldset
          key={g.title || i}
          radius="md"
          className="cqs-group"
          legend={
            <Title order={3} fz="h4">
              {label(g, i18n.language)}
            </Title>
          }
        >
          <Fields paths={g.fields} />
        </Fieldset>
      ))}
    </Stack>
  );
}

function Fields({ paths }: { paths: string[] }) {
  const { root, ui } = useEForm();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      {paths.map((path) => {
        const at = nodeAt(root, path);
        if (!at) return null;
        const full = wide(
          path,
          at.node.type ?? (at.node.properties ? 'object' : undefined),
          hintFor(ui.widgets, path),
        );
        return (
          <div key={path} className={full ? 'cqs-span-all' : undefined}>
            <FieldAt path={path} />
          </div>
        );
      })}
    </SimpleGrid>
  );
}

export function FieldAt({ path }: { path: string }) {
  const { root, ui } = useEForm();
  const at = nodeAt(root, path);
  if (!at) return null;
  const { node, required } = at;
  if (node.type === 'array' && node.items) return <ArrayField path={path} />;
  if (node.properties) {
    return <ObjectField path={path} keys={Object.keys(node.properties)} help={hintFor(ui.help, path)} />;
  }
  return <LeafField path={path} node={node} required={required} />;
}

/** A nested part (an address, a parcel): its own fieldset so each input is read with the part's name. */
function ObjectField({ path, keys, help }: { path: string; keys: string[]; help?: string }) {
  const { root } = useEForm();
  const { i18n } = useTranslation('dossiers');
  const node = nodeAt(root, path)?.node;
  return (
    <Fieldset
      variant="unstyled"
      className="cqs-subgroup"
      legend={<Text fw={600}>{label(node, i18n.language, path)}</Text>}
    >
      {help && (
        <Text size="sm" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      <Fields paths={keys.map((k) => `${path}.${k}`)} />
    </Fieldset>
  );
}

/** A list of entries (household members, lines of business), each removable, with one more added at will. */
function ArrayField({ path }: { path: string }) {
  const { t, i18n } = useTranslation('dossiers');
  const form = useEForm();
  const problemText = useProblemText();
  const at = nodeAt(form.root, path);
  const list = getAt(form.data, path);
  const items = Array.isArray(list) ? list : [];
  if (!at) return null;
  const itemNode = nodeAt(form.root, `${path}.0`)?.node;
  const itemName = label(itemNode, i18n.language, t('eform.item'));
  const keys = Object.keys(itemNode?.properties ?? {});
  const max = at.node.maxItems ?? 50;
  const error = problemText(form.problems[path]);
  const help = hintFor(form.ui.help, path);
  const add = () => {
    form.onChange(path, [...items, withDefaults(form.root, at.node.items, {})]);
    // The new entry's first input, once it is on the page.
    requestAnimationFrame(() =>
      document.getElementById(fieldId(`${path}.${items.length}.${keys[0]}`))?.focus(),
    );
  };
  const remove = (index: number) =>
    form.onChange(
      path,
      items.filter((_, i) => i !== index),
    );
  return (
    <Fieldset
      variant="unstyled"
      className="cqs-subgroup"
      id={fieldId(path)}
      tabIndex={-1}
      legend={<Text fw={600}>{label(at.node, i18n.language, path)}</Text>}
    >
      <Stack gap="sm">
        {(at.node.description || help) && (
          <Text size="sm" c="dimmed">
            {[at.node.description, help].filter(Boolean).join(' ')}
          </Text>
        )}
        {items.map((_, i) => (
          <Fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity of their own
            key={i}
            radius="md"
            legend={<Text fw={600}>{`${itemName} ${i + 1}`}</Text>}
          >
            {keys.length ? (
              <Fields paths={keys.map((k) => `${path}.${i}.${k}`)} />
            ) : (
              <FieldAt path={`${path}.${i}`} />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="subtle" color="red" onClick={() => remove(i)}>
                {t('eform.removeItem', { name: `${itemName} ${i + 1}` })}
              </Button>
            </Group>
          </Fieldset>
        ))}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        {items.length < max && (
          <Group>
            <Button variant="light" onClick={add}>
              {t('eform.addItem', { name: itemName.toLocaleLowerCase(i18n.language === 'en' ? 'en' : 'vi') })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
