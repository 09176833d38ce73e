import { defineErrors } from '../../platform/errors.ts';

export const AdminUnitErrors = defineErrors('ADMIN_UNITS', {
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính với mã này.',
    en: 'No administrative unit has this code.',
  },
  IMPORT_INVALID: {
    status: 400,
    vi: 'Danh sách đơn vị hành chính có lỗi; không có gì được ghi.',
    en: 'The list of administrative units has errors; nothing was written.',
  },
});
