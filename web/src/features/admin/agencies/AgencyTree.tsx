import { Button, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../../ui/icons';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { ScrollTable } from '../ScrollTable';
import { AgencyRow } from './AgencyRow';
import type { Agency } from './api';
import '../i18n';

/** A node of the tree: an agency, or the group that gathers the communes under the province. */
type TreeNode = { key: string; agency: Agency | null; children: TreeNode[] };

const COMMUNES_KEY = 'communes';

/**
 * Agencies nested under their parents. The province's committee has its departments and, under
 * one group row, a hundred-odd communes: the group starts folded so the province's own bodies show first.
 */
function buildTree(agencies: readonly Agency[]): TreeNode[] {
  const codes = new Set(agencies.map((a) => a.code));
  const children = new Map<string, Agency[]>();
  const roots: Agency[] = [];
  for (const a of agencies) {
    if (a.parentCode && codes.has(a.parentCode))
      children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a]);
    else roots.push(a);
  }
  const node = (a: Agency): TreeNode => {
    const kids = children.get(a.code) ?? [];
    const own = kids.filter((k) => k.level === a.level).map(node);
    const below = kids.filter((k) => k.level !== a.level).map(node);
    if (below.length) own.push({ key: `${a.code}/${COMMUNES_KEY}`, agency: null, children: below });
    return { key: a.code, agency: a, children: own };
  };
  return roots.map(node);
}

export function AgencyTree({
  agencies,
  managed,
}: {
  agencies: readonly Agency[];
  managed: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation('admin');
  const tree = useMemo(() => buildTree(agencies), [agencies]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(tree.map((n) => n.key)));

  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const everyKey = (nodes: TreeNode[]): string[] =>
    nodes.flatMap((n) => (n.children.length ? [n.key, ...everyKey(n.children)] : []));

  const rows: { node: TreeNode; depth: number }[] = [];
  const walk = (nodes: TreeNode[], depth: number) => {
    for (const n of nodes) {
      rows.push({ node: n, depth });
      if (open.has(n.key)) walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);

  const nameCell = (node: TreeNode, depth: number) => {
    const label = node.agency
      ? pickLocalized(node.agency.name, i18n.language)
      : t('agencies.communeGroup', { n: formatNumber(node.children.length, i18n.language) });
    const expanded = open.has(node.key);
    return (
      <div className="cqs-tree-name" style={{ '--tree-depth': depth } as React.CSSProperties}>
        {node.children.length > 0 ? (
          <UnstyledButton
            className="cqs-tree-toggle"
            aria-expanded={expanded}
            onClick={() => toggle(node.key)}
          >
            <ChevronDownIcon size={18} />
            <VisuallyHidden>
              {t(expanded ? 'agencies.collapse' : 'agencies.expand', { name: label })}
            </VisuallyHidden>
          </UnstyledButton>
        ) : (
          <span className="cqs-tree-spacer" />
        )}
        <Text fw={node.agency && depth > 0 ? 500 : 700}>{label}</Text>
      </div>
    );
  };

  return (
    <>
      <Group gap="sm">
        <Button variant="default" onClick={() => setOpen(new Set(everyKey(tree)))}>
          {t('agencies.expandAll')}
        </Button>
        <Button variant="default" onClick={() => setOpen(new Set(tree.map((n) => n.key)))}>
          {t('agencies.collapseAll')}
        </Button>
      </Group>
      <ScrollTable label={t('agencies.treeLabel')} minWidth={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agencies.columns.name')}</Table.Th>
            <Table.Th>{t('agencies.columns.code')}</Table.Th>
            <Table.Th>{t('agencies.columns.kind')}</Table.Th>
            <Table.Th>{t('agencies.columns.adminUnit')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('agencies.columns.staff')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ node, depth }) =>
            node.agency ? (
              <AgencyRow
                key={node.key}
                agency={node.agency}
                name={nameCell(node, depth)}
                manages={managed.has(node.agency.code)}
              />
            ) : (
              <Table.Tr key={node.key}>
                <Table.Td colSpan={5}>{nameCell(node, depth)}</Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
