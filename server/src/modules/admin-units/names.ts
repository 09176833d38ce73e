/** How official unit names are written: a type word ("Xã", "Thành phố", …) and the short name. */

// The official type words that prefix unit names, longest first so "Thành phố" wins over shorter ones.
export const TYPE_WORDS: [word: string, type: string][] = [
  ['Thành phố', 'thanh_pho'],
  ['Đặc khu', 'dac_khu'],
  ['Thị trấn', 'thi_tran'],
  ['Thị xã', 'thi_xa'],
  ['Phường', 'phuong'],
  ['Huyện', 'huyen'],
  ['Quận', 'quan'],
  ['Tỉnh', 'tinh'],
  ['Xã', 'xa'],
];

/** Splits "Xã Tân Trào" into its type word and short name. */
export function splitUnitName(name: string): { typeWord: string | null; shortName: string } {
  for (const [word] of TYPE_WORDS) {
    if (name.startsWith(`${word} `)) return { typeWord: word, shortName: name.slice(word.length + 1) };
  }
  return { typeWord: null, shortName: name };
}

/** The type a name's type word says ("Xã Tân Trào" → xa), or 'unknown'. */
export const typeOfName = (name: string): string => {
  const word = splitUnitName(name).typeWord;
  return TYPE_WORDS.find(([w]) => w === word)?.[1] ?? 'unknown';
};

/** The word a unit of this type is named with (xa → "Xã"), or null for a type we do not know. */
export const typeWordOf = (type: string): string | null =>
  TYPE_WORDS.find(([, t]) => t === type)?.[0] ?? null;

/**
 * A province's official full name: the lists write "Cao Bằng" for a province and "Thành phố Hà Nội" for a
 * city, and the platform names both in full ("Tỉnh Cao Bằng").
 */
export function provinceFullName(given: string, type: string): string {
  if (given.startsWith('Thành phố ') || given.startsWith('Tỉnh ')) return given;
  return `${type === 'thanh_pho' ? 'Thành phố' : 'Tỉnh'} ${given}`;
}
