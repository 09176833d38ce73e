/** A small but valid PDF (one empty page), different per `label`, as a file chooser would give it. */
export function pdfFile(label: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% ${label}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return { name: `${label}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(body) };
}
