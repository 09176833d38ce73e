import { defineErrors } from '../../platform/errors.ts';

export const AdminUnitErrors = defineErrors('ADMIN_UNITS', {
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính với mã này.',
    en: 'No administrative unit has this code.',
  },
});
