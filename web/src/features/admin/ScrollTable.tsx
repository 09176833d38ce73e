import '@mantine/core/styles/Table.css';
import { Table, type TableProps } from '@mantine/core';

/**
 * A table that scrolls sideways inside its own box on a narrow tablet instead of widening the page.
 * The box can take the keyboard's focus, so it can be scrolled without a mouse.
 */
export function ScrollTable({ label, minWidth, ...props }: TableProps & { label: string; minWidth: number }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="cqs-admin-scroll" aria-label={label} tabIndex={0}>
      <Table miw={minWidth} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover {...props} />
    </section>
  );
}
