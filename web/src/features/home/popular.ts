/**
 * The procedures people file most, in the order the home page shows them (national codes). The
 * list itself comes from the API (the procedures with an e-form, which the province keeps for
 * exactly these); this order puts life events first. A code missing here goes last.
 */
export const popularOrder: readonly string[] = [
  '1.001193', // Đăng ký khai sinh
  '1.000894', // Đăng ký kết hôn
  '1.000656', // Đăng ký khai tử
  '1.004222', // Đăng ký thường trú
  '1.004873', // Xác nhận tình trạng hôn nhân
  '2.000815', // Chứng thực bản sao từ bản chính
  '3.000333', // Cấp Phiếu lý lịch tư pháp
  '1.001612', // Đăng ký hộ kinh doanh
  '2.000884', // Chứng thực chữ ký
  '1.001022', // Đăng ký nhận cha, mẹ, con
  '1.003197', // Xóa đăng ký thường trú
  '1.012753', // Đăng ký đất đai
];

/** How many the home page shows before "Xem tất cả thủ tục". */
export const popularShown = 8;

export function byPopularity<T extends { code: string }>(items: T[]): T[] {
  const rank = (code: string) => {
    const i = popularOrder.indexOf(code);
    return i === -1 ? popularOrder.length : i;
  };
  return [...items].sort((a, b) => rank(a.code) - rank(b.code));
}
