import { useSite } from '../../../app/site';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { AdminUnit, AdminUnitPage } from '../../admin-units/api';

/**
 * The site's communes, loaded once when the wizard needs a commune picker (a commune procedure, or
 * an address in the e-form); a province has a few hundred at most, so they are filtered here.
 */
export function useCommunes(needed: boolean): AdminUnit[] | undefined {
  const site = useSite();
  const province = site.status === 'success' ? site.data.province.code : null;
  const list = useApiQuery<AdminUnitPage>(
    needed && province ? `/api/admin-units?level=commune&province=${province}&limit=1000` : null,
  );
  return list.status === 'success' ? list.data.items : undefined;
}
