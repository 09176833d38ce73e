import { defineErrors } from '../../platform/errors.ts';

/** Errors of the inbox. Someone else's notice is "not found": its existence is not ours to reveal. */
export const NotificationErrors = defineErrors('NOTIFICATION', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy thông báo.', en: 'No such notification.' },
});
