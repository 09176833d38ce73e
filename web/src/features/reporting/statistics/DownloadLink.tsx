import { Button } from '@mantine/core';

/** "Tải Excel": a plain link to the API's `format=xlsx`, the browser saves the file. */
export function DownloadLink({ href, label }: { href: string; label: string }) {
  return (
    <Button component="a" href={href} download variant="light">
      {label}
    </Button>
  );
}
