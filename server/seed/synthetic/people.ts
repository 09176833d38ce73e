/**
 * Citizens of the generated province: names drawn with the frequencies in
 * `server/seed/reference/names/` (surnames, middle names, male/female given names), valid-format CCCD
 * numbers (Decree 137/2015 art. 7: province-of-birth code, century-and-sex digit, two digits of
 * the birth year, six random digits), mobile numbers and an address in one of the province's communes.
 */
import { parse } from 'csv-parse/sync';
import { readReference, readReferenceBytes } from '../reference.ts';
import { cumulate, type Random } from './random.ts';

export type Citizen = {
  id: string;
  fullName: string;
  cccd: string;
  dateOfBirth: string;
  phone: string;
  communeCode: string;
  addressDetail: string;
};

type Frequencies = { items: string[]; cumulative: number[] };

function frequencies(name: string, column: string): Frequencies {
  const rows = parse(readReferenceBytes(`names/${name}`), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[];
  return { items: rows.map((r) => r[column]!), cumulative: cumulate(rows.map((r) => Number(r.count))) };
}

export type NameSource = { surnames: Frequencies; middles: Frequencies; male: string[]; female: string[] };

export function loadNames(): NameSource {
  const lines = (f: string) =>
    readReference(`names/${f}`)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    surnames: frequencies('surname-frequency.csv', 'ho'),
    middles: frequencies('middle-name-frequency.csv', 'ten_dem_token'),
    male: lines('given-names-male.txt'),
    female: lines('given-names-female.txt'),
  };
}

const STREETS = ['Tổ', 'Thôn', 'Xóm', 'Bản'];

export function makeCitizen(
  id: string,
  index: number,
  names: NameSource,
  rnd: Random,
  provinceCode: string,
  communes: readonly string[],
  issued?: Set<string>,
): Citizen {
  const female = rnd.chance(0.5);
  const surname = rnd.weighted(names.surnames.items, names.surnames.cumulative);
  const given = rnd.pick(female ? names.female : names.male);
  // Most given-name entries carry their middle name already; single words get the common one.
  const middle = given.includes(' ')
    ? ''
    : `${female ? 'Thị' : rnd.weighted(names.middles.items, names.middles.cumulative)} `;
  let year = rnd.int(1950, 2007);
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28);
  // The last six digits carry the running index, so the first million CCCDs are unique. Past a
  // million the serial repeats: a number already in `issued` is drawn again with another birth year
  // (the sex and birth year are part of the number; 58 years × 2 leave room for 116 million).
  const serial = String(index % 1_000_000).padStart(6, '0');
  const numberFor = (y: number) =>
    `0${provinceCode}${(y >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(y % 100).padStart(2, '0')}${serial}`;
  let cccd = numberFor(year);
  while (issued?.has(cccd)) {
    year = rnd.int(1950, 2007);
    cccd = numberFor(year);
  }
  issued?.add(cccd);
  const phone = `09${String(index).padStart(8, '0').slice(-8)}`;
  return {
    id,
    fullName: `${surname} ${middle}${given}`,
    cccd,
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    phone,
    communeCode: rnd.pick(communes),
    addressDetail: `${rnd.pick(STREETS)} ${rnd.int(1, 25)}`,
  };
}
