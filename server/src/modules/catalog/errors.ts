import { defineErrors } from '../../platform/errors.ts';

export const CatalogErrors = defineErrors('CATALOG', {
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục hành chính với mã này.',
    en: 'No administrative procedure has this code.',
  },
  VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Thủ tục không có phiên bản này.',
    en: 'The procedure has no such version.',
  },
  UNKNOWN_AGENCY: {
    status: 422,
    vi: 'Không có cơ quan, đơn vị này (hoặc đơn vị đã ngừng hoạt động).',
    en: 'No such agency (or it is no longer active).',
  },
  AGENCY_NOT_COMPETENT: {
    status: 422,
    vi: 'Cơ quan này không thể là cơ quan giải quyết thủ tục.',
    en: 'This agency cannot be the one deciding the procedure.',
  },
  INVALID_INPUT: { status: 400, vi: 'Thông tin thủ tục chưa hợp lệ.', en: 'Some procedure data is invalid.' },
  IMPORT_FAILED: {
    status: 400,
    vi: 'Không đọc được tệp danh mục thủ tục.',
    en: 'The procedure catalogue file cannot be read.',
  },
});
