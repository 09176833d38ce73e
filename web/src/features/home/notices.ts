import type { Localized } from '../../ui/localized';

/**
 * The portal's notices (tin tức, thông báo): kept here as data until the platform has a place to
 * publish them. Newest first is worked out from `date` (the day it was published, YYYY-MM-DD).
 */
export interface Notice {
  date: string;
  title: Localized;
  body: Localized;
}

export const notices: readonly Notice[] = [
  {
    date: '2026-08-15',
    title: {
      vi: 'Miễn phí, lệ phí cho người có tài khoản định danh điện tử mức 2',
      en: 'No fees for holders of a level-2 electronic identity',
    },
    body: {
      vi: 'Từ ngày 15/8/2026, theo Nghị quyết 66.22/2026, người có tài khoản định danh điện tử mức 2 (VNeID) được miễn phí, lệ phí đối với các thủ tục thuộc danh mục. Trang của từng thủ tục cho biết thủ tục đó có được miễn hay không.',
      en: 'From 15 August 2026, under Resolution 66.22/2026, holders of a level-2 electronic identity account (VNeID) pay no fees or charges for the listed procedures. Each procedure’s page says whether it is one of them.',
    },
  },
  {
    date: '2026-07-01',
    title: {
      vi: 'Dịch vụ công trực tuyến toàn trình là mặc định từ ngày 01/7/2026',
      en: 'Full online public services are the default from 1 July 2026',
    },
    body: {
      vi: 'Theo Nghị định 224/2026/NĐ-CP, thủ tục hành chính được cung cấp trực tuyến toàn trình theo mặc định; thủ tục chỉ trực tuyến một phần phải công khai lý do. Người dân chỉ cần cung cấp thông tin một lần: tờ khai điện tử được điền sẵn từ tài khoản.',
      en: 'Under Decree 224/2026/NĐ-CP, administrative procedures are offered fully online by default, and a procedure that is only partly online must publish why. You give your details once: electronic forms are filled in from your account.',
    },
  },
  {
    date: '2026-01-20',
    title: {
      vi: 'Lịch nghỉ Tết Nguyên đán Bính Ngọ 2026',
      en: 'Lunar New Year (Tết) 2026 holiday',
    },
    body: {
      vi: 'Cơ quan hành chính nghỉ Tết từ thứ Bảy 14/02/2026 đến hết Chủ nhật 22/02/2026. Cổng vẫn nhận hồ sơ trực tuyến trong những ngày nghỉ; hồ sơ nộp trong thời gian này được tiếp nhận vào ngày làm việc đầu tiên sau Tết (thứ Hai 23/02/2026), và ngày nghỉ không tính vào thời hạn giải quyết.',
      en: 'Government offices close for Tết from Saturday 14 February to Sunday 22 February 2026. The portal still takes online applications during the holiday; they are received on the first working day after Tết (Monday 23 February 2026), and holidays do not count towards the processing time.',
    },
  },
];
