/** The kinds of file a dossier accepts, recognised by their first bytes (never by name or header). */
export const ACCEPTED_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [Buffer.from('%PDF-')] },
  'image/jpeg': { extension: 'jpg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  'image/png': { extension: 'png', magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

// What a refused file really is, so the message can say so (a renamed .exe is the classic case).
const KNOWN_OTHERS: { magic: Buffer; vi: string; en: string }[] = [
  { magic: Buffer.from('MZ'), vi: 'một chương trình Windows (.exe)', en: 'a Windows program (.exe)' },
  { magic: Buffer.from([0x7f, 0x45, 0x4c, 0x46]), vi: 'một chương trình (ELF)', en: 'a program (ELF)' },
  {
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    vi: 'một tệp nén ZIP hoặc Word/Excel (.docx, .xlsx)',
    en: 'a ZIP archive or a Word/Excel file (.docx, .xlsx)',
  },
  {
    magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
    vi: 'một tệp Word/Excel cũ (.doc, .xls)',
    en: 'an old Word/Excel file (.doc, .xls)',
  },
  { magic: Buffer.from('GIF8'), vi: 'một ảnh GIF', en: 'a GIF image' },
  { magic: Buffer.from('RIFF'), vi: 'một tệp RIFF (WebP, AVI, WAV)', en: 'a RIFF file (WebP, AVI, WAV)' },
  { magic: Buffer.from('Rar!'), vi: 'một tệp nén RAR', en: 'a RAR archive' },
];

const startsWith = (bytes: Buffer, magic: Buffer) =>
  bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

export type Sniffed =
  | { ok: true; type: AcceptedType; extension: string }
  | { ok: false; actually: { vi: string; en: string } | null };

/** Tells what the bytes are; only PDF, JPEG and PNG pass. */
export function sniff(bytes: Buffer): Sniffed {
  for (const [type, spec] of Object.entries(ACCEPTED_TYPES)) {
    if (spec.magic.some((m) => startsWith(bytes, m)))
      return { ok: true, type: type as AcceptedType, extension: spec.extension };
  }
  const other = KNOWN_OTHERS.find((k) => startsWith(bytes, k.magic));
  return { ok: false, actually: other ? { vi: other.vi, en: other.en } : null };
}
