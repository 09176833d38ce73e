import { defineErrors } from '../errors.ts';

/**
 * Errors of the calendar. Most inputs reach it from people (a birth date in lunar form, an imported
 * holiday schedule), so each message exists in Vietnamese and English and the detail names the value.
 */
export const CalendarErrors = defineErrors('CALENDAR', {
  INVALID_DATE: { status: 400, vi: 'Ngày không hợp lệ.', en: 'Invalid date.' },
  INVALID_INSTANT: { status: 400, vi: 'Thời điểm không hợp lệ.', en: 'Invalid point in time.' },
  INVALID_LUNAR_DATE: { status: 400, vi: 'Ngày âm lịch không tồn tại.', en: 'No such lunar date.' },
  YEAR_OUT_OF_RANGE: {
    status: 400,
    vi: 'Năm nằm ngoài khoảng lịch hỗ trợ.',
    en: 'The year is outside the supported range.',
  },
  INVALID_TIME_ZONE: { status: 400, vi: 'Múi giờ không hợp lệ.', en: 'Invalid time zone.' },
  INVALID_OFFICE_HOURS: { status: 400, vi: 'Giờ làm việc không hợp lệ.', en: 'Invalid office hours.' },
  INVALID_DURATION: {
    status: 400,
    vi: 'Thời hạn giải quyết không hợp lệ.',
    en: 'Invalid processing period.',
  },
  INVALID_SCHEDULE: {
    status: 400,
    vi: 'Lịch nghỉ chính thức không hợp lệ.',
    en: 'Invalid official holiday schedule.',
  },
  INVALID_SCHEDULE_CSV: {
    status: 400,
    vi: 'Tệp CSV lịch nghỉ không hợp lệ.',
    en: 'Invalid holiday schedule CSV.',
  },
});
