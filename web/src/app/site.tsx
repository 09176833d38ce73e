import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useContext } from 'react';
import type { Localized } from '../ui/localized';
import { type QueryResult, useApiQuery } from '../ui/useApiQuery';

export type CommuneType = 'xa' | 'phuong' | 'dac_khu';
export const communeTypes: readonly CommuneType[] = ['xa', 'phuong', 'dac_khu'];

/** `GET /api/site`: who runs this platform and for which province. */
export interface SiteInfo {
  platformName: Localized;
  province: {
    code: string;
    name: string;
    /** `tinh` (province) or `thanh_pho` (centrally-run city). */
    type: string;
    fullName: string;
  };
  communeCount: number;
  /** Keyed by unit type (`xa`, `phuong`, `dac_khu`). */
  communeCountsByType: Partial<Record<string, number>>;
  contact: {
    /** The province's public service centre, when it is registered. */
    agencyName: Localized | null;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
    website?: string | null;
  };
}

const SiteContext = createContext<QueryResult<SiteInfo> | null>(null);

/** Loads the site description once for the whole app (header, pages and footer all use it). */
export function SiteProvider({ children }: { children: ReactNode }) {
  const site = useApiQuery<SiteInfo>('/api/site');
  return <SiteContext value={site}>{children}</SiteContext>;
}

export function useSite(): QueryResult<SiteInfo> {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite() needs a <SiteProvider> above it');
  return site;
}

/** The province inside a sentence: "tỉnh Tuyên Quang" / "Tuyên Quang Province". */
export function placeInSentence(t: TFunction, province: SiteInfo['province']): string {
  if (province.type === 'tinh' || province.type === 'thanh_pho') {
    return t(`place.${province.type}`, { name: province.name });
  }
  return province.fullName;
}

/** The province as a title: "Tỉnh Tuyên Quang" / "Tuyên Quang Province". */
export function placeTitle(t: TFunction, province: SiteInfo['province']): string {
  if (province.type === 'tinh' || province.type === 'thanh_pho') {
    return t(`placeTitle.${province.type}`, { name: province.name });
  }
  return province.fullName;
}
