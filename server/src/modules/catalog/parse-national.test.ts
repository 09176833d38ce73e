import { beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGUE, readReference, referenceLines } from '../../../seed/reference.ts';
import { feesInText } from './parse/channels.ts';
import { splitTemplates } from './parse/documents.ts';
import { parseLegalBasis } from './parse/legal.ts';
import { parseAmount, parseDecimal } from './parse/text.ts';
import {
  type CatalogueStats,
  type ParsedProcedure,
  parseNationalCatalogue,
  parseNationalLines,
  parseNationalProcedure,
  problemKind,
} from './parse-national.ts';

let procedures: ParsedProcedure[];
let stats: CatalogueStats;
const byCode = (code: string): ParsedProcedure => {
  const p = procedures.find((x) => x.code === code);
  if (!p) throw new Error(`no procedure ${code} in the sample`);
  return p;
};
const kinds = (p: ParsedProcedure) => [...new Set(p.problems.map(problemKind))].sort();

beforeAll(() => {
  ({ procedures, stats } = parseNationalCatalogue(readReference(NATIONAL_CATALOGUE)));
});

describe('the whole national catalogue sample', () => {
  it('gives the measured statistics (a change here is a behaviour change: look before updating)', () => {
    expect(stats).toEqual({
      total: 2642,
      unreadableLines: 0,
      byLevel: { ministry: 1413, province: 1251, commune: 588, other: 51 },
      byChannel: { direct: 2509, online: 2117, postal: 2218 },
      withProcessingTime: 2159,
      withFees: 486,
      feeFree: 1472,
      withDocuments: 2591,
      documentsTotal: 13499,
      withStructuredLegalBasis: 2558,
      withProblems: 1055,
      topProblems: [
        { kind: 'time without unit', procedures: 313 },
        { kind: 'fee set elsewhere, amount not stated', procedures: 248 },
        { kind: 'channels give different times', procedures: 192 },
        { kind: 'processing time not given', procedures: 127 },
        { kind: 'no legal basis listed', procedures: 76 },
        { kind: 'time and fee run together', procedures: 55 },
        { kind: 'implausible fee amount', procedures: 44 },
        { kind: 'legal basis row without a number', procedures: 29 },
        { kind: 'template name boundary unclear', procedures: 29 },
        { kind: 'documents table not recognised', procedures: 26 },
      ],
    });
  });

  it('keeps its invariants on every record', () => {
    for (const p of procedures) {
      expect(p.code).toMatch(/^\d\.\d{6}$/);
      expect(p.levels.length).toBeGreaterThan(0);
      expect(p.raw.cach_thuc_thuc_hien.length).toBeGreaterThan(0);
      if (p.feeFree) expect(p.fees).toEqual([]);
      for (const f of p.fees) {
        expect(Number.isInteger(f.amountVnd)).toBe(true);
        expect(f.amountVnd).toBeGreaterThanOrEqual(1000);
        expect(f.label).not.toBe('');
      }
      for (const c of p.channels) {
        if (c.duration) expect(c.duration.value).toBeGreaterThan(0);
      }
      if (p.processingTime) expect(p.channels.some((c) => c.duration === p.processingTime)).toBe(true);
      for (const d of p.documents) {
        expect(d.name).not.toBe('');
        expect(d.originals).toBeLessThan(10);
      }
    }
  });
});

describe('real records', () => {
  it('1.000178: 60 working days by post or at the counter, no fee information', () => {
    const p = byCode('1.000178');
    expect(p.levels).toEqual(['ministry']);
    expect(p.field).toBe('Khiếu nại, tố cáo');
    expect(p.applicantTypes).toEqual(['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']);
    expect(p.competentAuthority).toBe('Bộ Công an');
    expect(p.implementingAgency).toBe('Thanh tra Bộ');
    expect(p.receivingPlaces).toBeNull();
    expect(p.channels.map((c) => c.channel)).toEqual(['postal', 'direct']);
    expect(p.channels.map((c) => c.feeText)).toEqual(['Không có thông tin', 'Không có thông tin']);
    expect(p.channels[0]!.description).toMatch(/^Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày/);
    expect(p.processingTime).toEqual({ value: 60, unit: 'working_days' });
    expect(p.fees).toEqual([]);
    expect(p.feeFree).toBe(false); // no information is not free
    expect(p.documents).toHaveLength(8);
    expect(p.documents.filter((d) => !d.required).map((d) => d.name)).toEqual([
      'Biên bản tổ chức đối thoại (nếu có)',
      'Biên bản kiểm tra, xác minh, kết luận, kết quả giám định (nếu có)',
    ]);
    expect(p.documents.every((d) => d.originals === 1 && d.copies === 0 && d.group === null)).toBe(true);
    expect(p.legalBasis).toEqual([
      {
        title:
          'Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công tác giải quyết khiếu nại trong công an nhân dân',
        number: '68/2013/TT-BCA',
      },
      { title: 'Luật Khiếu nại năm 2011', number: '02/2011/QH13' }, // "năm 201102/2011/QH13"
      { title: 'Quy định quy trình giải quyết khiếu nại trong công an nhân dân', number: '11/2015/TT-BCA' },
      { title: 'Nghị định 05/2012/NĐ-CP', number: '05/2012/NĐ-CP' },
    ]);
    expect(p.conditions).toMatch(/^Đảm bảo đúng quy định tại Điều 2, Điều 8 và Điều 11 Luật khiếu nại/);
    expect(p.results).toEqual([
      { name: 'Quyết định giải quyết khiếu nại lần 1, lần 2', code: 'KQ.G01.00262' },
    ]);
    expect(p.resultType).toBe('unknown');
    expect(p.problems).toEqual([]);
  });

  it('1.007664: a time of "1" without a unit gives no duration; two document groups', () => {
    const p = byCode('1.007664');
    expect(p.levels).toEqual(['ministry', 'commune']);
    expect(p.applicantTypes).toContain('Cán bộ, công chức, viên chức');
    expect(p.channels.map((c) => [c.channel, c.duration, c.durationText, c.feeText])).toEqual([
      ['online', null, '1', 'Miễn phí'],
      ['direct', null, '1', 'Miễn phí'],
    ]);
    expect(p.processingTime).toBeNull();
    expect(p.feeFree).toBe(true);
    expect(p.problems).toEqual(['time without unit: online "1"', 'time without unit: direct "1"']);
    const groups = [...new Set(p.documents.map((d) => d.group))];
    expect(groups).toEqual([
      'Ngoài hồ sơ miễn thuế nêu trên, tùy từng trường hợp người nộp thuế phải nộp thêm',
      null,
    ]);
    expect(p.documents.filter((d) => d.originals === 0 && d.copies === 1)).toHaveLength(4);
    expect(p.documents.at(-1)).toEqual({
      name: 'Hồ sơ hải quan theo quy định của pháp luật hải quan.',
      originals: 1,
      copies: 0,
      templates: [],
      required: true,
      group: null,
    });
    expect(p.legalBasis).toEqual([
      { title: 'Luật 54/2014/QH13', number: '54/2014/QH13' },
      { title: 'Thuế xuất khẩu, thuế nhập khẩu', number: '107/2016/QH13' },
      {
        title: 'Quy định chi tiết một số điều và biện pháp thi hành Luật thuế xuất khẩu, thuế nhập khẩu',
        number: '134/2016/NĐ-CP',
      },
    ]);
    expect(p.results).toEqual([
      { name: 'Thực hiện miễn thuế theo quy định', code: 'KQ.G12.001222' },
      {
        name: 'Thông báo lý do không thuộc diện được miễn thuế, thu thuế và xử phạt vi phạm (nếu có) theo quy định',
        code: 'KQ.G12.001223',
      },
    ]);
  });

  it('1.000823: 22 working days, "Miễn phí", templates Mus08.docx and Mus09.docx', () => {
    const p = byCode('1.000823');
    expect(p.processingTime).toEqual({ value: 22, unit: 'working_days' });
    expect(p.feeFree).toBe(true);
    expect(p.fees).toEqual([]);
    expect(p.documents.map((d) => d.templates)).toEqual([['Mus08.docx'], ['Mus09.docx'], []]);
    expect(p.documents[0]!.name).toBe(
      'Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08 quy định tại Phụ lục II ban hành kèm theo Nghị định số 121/2021/NĐ-CP ngày 27/12/2021',
    );
    expect(p.conditions).toBeNull(); // "Không"
    expect(p.receivingPlaces).toBe('Bộ phận Một cửa Ngân hàng Nhà nước 49, Lý Thái Tổ, Hoàn Kiếm, Hà Nội');
    expect(p.results.map((r) => r.code)).toEqual(['KQ.G19.000181', 'G19-KQ0060102']);
    expect(p.problems).toEqual([]);
  });

  it('2.000769: 3 working days, the fee points to a joint circular: not free, no amount', () => {
    const p = byCode('2.000769');
    expect(p.processingTime).toEqual({ value: 3, unit: 'working_days' });
    expect(p.channels).toHaveLength(1);
    expect(p.channels[0]!.feeText).toMatch(/^Miễn phí\(Theo quy định tại Thông tư liên tịch số 72\/2011/);
    expect(p.channels[0]!.description).toMatch(/^Lệ phí thực hiện theo quy định tại Thông tư liên tịch/);
    expect(p.fees).toEqual([]);
    expect(p.feeFree).toBe(false);
    expect(p.legalBasis).toEqual([]); // "Không có thông tin"
    expect(kinds(p)).toEqual([
      'fee set elsewhere, amount not stated',
      'no legal basis listed',
      'template name boundary unclear', // "…đường bộvăn bản đề nghị.docx"
    ]);
  });

  it('1.002510: a real fee of 2,500,000 đồng on every channel, online included', () => {
    const p = byCode('1.002510');
    expect(p.channels.map((c) => c.channel)).toEqual(['online', 'postal', 'direct']);
    expect(p.channels.every((c) => c.feeText === '2,500,000 VNĐ(đồng/lần)')).toBe(true);
    expect(p.fees).toEqual([{ amountVnd: 2_500_000, label: 'đồng/lần' }]);
    expect(p.feeFree).toBe(false);
    expect(p.processingTime).toEqual({ value: 10, unit: 'working_days' });
    // "…TT-BTCquy định…": the number keeps its C, the next title starts in lower case.
    expect(p.legalBasis).toContainEqual({
      title:
        'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong hoạt động kiểm dịch và bảo vệ thực vật thuộc lĩnh vực nông nghiệp',
      number: '33/2021/TT-BTC',
    });
    expect(p.legalBasis).toContainEqual({
      title: 'quy định về Quản lý thuốc bảo vệ thực vật',
      number: '21/2015/TT-BNNPTNT',
    });
  });

  it('1.013330: "Miễn phí" whose note states two fees is not free', () => {
    const p = byCode('1.013330');
    expect(p.fees.map((f) => f.amountVnd)).toEqual([40_000, 90_000]);
    expect(p.fees[0]!.label).toBe('Lệ phí cấp giấy chứng nhận: 40.000 đồng/01 Giấy chứng nhận');
    expect(p.feeFree).toBe(false);
  });

  it('1.013097: one and a half working days', () => {
    const p = byCode('1.013097');
    expect(p.processingTime).toEqual({ value: 1.5, unit: 'working_days' });
    expect(p.channels[0]!.durationText).toBe('1.5 Ngày làm việc');
    expect(p.levels).toEqual(['other']); // "Cơ quan khác"
    expect(p.fees).toEqual([{ amountVnd: 40_000, label: '- Xe ô tô trên 10 chỗ' }]);
  });

  it('3.000373: one hour, 20,000 đồng', () => {
    const p = byCode('3.000373');
    expect(p.processingTime).toEqual({ value: 1, unit: 'hours' });
    expect(p.fees).toEqual([{ amountVnd: 20_000, label: 'Phí thẩm định cấp giấy phép 20.000 đồng/lần.' }]);
    // "…31/2025/TT_BCALUẬT  HÀNG KHÔNG…": an upper-case title glued to the number.
    expect(p.legalBasis).toContainEqual({
      title: 'LUẬT HÀNG KHÔNG DÂN DỤNG VIỆT NAM',
      number: '66/2006/QH11',
    });
    expect(p.legalBasis).toContainEqual(expect.objectContaining({ number: '31/2025/TT_BCA' }));
  });

  it('1.002947: four months; 1.003290: six months and a fee in USD (not converted)', () => {
    expect(byCode('1.002947').processingTime).toEqual({ value: 4, unit: 'months' });
    const p = byCode('1.003290');
    expect(p.processingTime).toEqual({ value: 6, unit: 'months' });
    expect(p.fees).toEqual([]);
    expect(p.feeFree).toBe(false);
    expect(p.problems).toContain('fee in a foreign currency: direct "100 USD"');
  });

  it('3.000251: seven case groups of documents', () => {
    const p = byCode('3.000251');
    const groups = [...new Set(p.documents.map((d) => d.group))];
    expect(groups).toHaveLength(7);
    expect(groups[0]).toMatch(/^Trường hợp xe bị hư hỏng không sử dụng được/);
    expect(groups.at(-1)).toBeNull(); // a closing note after an untitled header
    expect(p.documents).toHaveLength(14);
    expect(p.documents[0]).toMatchObject({ originals: 0, copies: 1 });
    expect(p.feeFree).toBe(true);
  });

  it('1.000014: a unit-less time glued to the fee ("120 VNĐ"): neither is used, the note gives 20,000 đồng', () => {
    const p = byCode('1.000014');
    expect(p.channels.map((c) => [c.channel, c.duration, c.durationText, c.feeText])).toEqual([
      ['online', null, '', '120 VNĐ(20.000 vnđ /tờ khai)'],
      ['direct', null, '', '120 VNĐ(20.000 vnđ /tờ khai)'],
    ]);
    expect(p.fees).toEqual([{ amountVnd: 20_000, label: '20.000 vnđ /tờ khai' }]);
    expect(p.processingTime).toBeNull();
    expect(p.problems).toEqual([
      'time and fee run together: online "120 VNĐ"',
      'time and fee run together: direct "120 VNĐ"',
      'no result listed',
    ]);
  });

  it('1.001200: "40 Việt Nam Đồng" is implausible; the notes give 40,000 and 50,000 đồng', () => {
    const p = byCode('1.001200');
    expect(p.fees.map((f) => f.amountVnd)).toEqual([40_000, 50_000]);
    expect(p.problems).toEqual([
      'implausible fee amount: online "40 Việt Nam Đồng"',
      'implausible fee amount: direct "50 Việt Nam Đồng"',
    ]);
  });

  it('1.009825: time "Không" and no fee information', () => {
    const p = byCode('1.009825');
    expect(p.channels.map((c) => c.durationText)).toEqual(['Không', 'Không', 'Không']);
    expect(p.processingTime).toBeNull();
    expect(p.feeFree).toBe(false);
    expect(p.problems).toEqual(['processing time not given']);
  });

  it('1.003135: the fee is only in the description ("Lệ phí : 20.000 Đồng")', () => {
    const p = byCode('1.003135');
    expect(p.fees.map((f) => f.amountVnd)).toEqual([20_000, 50_000]);
    expect(kinds(p)).toEqual(['fees read from the description']);
  });

  it('3.000380: "Miễn phí(a) … b) …)" reads past the list markers', () => {
    const p = byCode('3.000380');
    expect(p.fees.map((f) => f.amountVnd)).toEqual([30_000_000, 5_000_000, 20_000_000]);
    expect(p.channels).toHaveLength(6); // two rows per channel: 5 and 3 working days
    expect(p.processingTime).toEqual({ value: 5, unit: 'working_days' }); // the first direct row's
    expect(kinds(p)).toEqual(['channels give different times']);
  });

  it('1.003220: legal numbers with typos; no processing time', () => {
    const p = byCode('1.003220');
    expect(p.legalBasis).toEqual([
      {
        title: 'Thông tư liên tịch 21/2008/TTLT- BQP-BLĐTBXH-BTC',
        number: '21/2008/TTLT- BQP-BLĐTBXH-BTC',
      },
      expect.objectContaining({ number: '290/2005/QĐ-TTg' }),
      expect.objectContaining({ number: '191/2005/TTLT/BQP-BLĐTBXH-BTC' }),
    ]);
    expect(p.documents.map((d) => d.templates[0] ?? null)).toEqual([
      '47-Mẫu 8A-Công văn đề nghị trợ cấp một lần (1).doc',
      '37-Mẫu 2B-Bản khai thân nhân.doc',
      null,
      '36-Mẫu 2A-Bản khai cá nhân.doc',
      '38-Mẫu 2C-Trích sao lý lịch.doc',
    ]);
    expect(p.processingTime).toBeNull();
  });

  it('result types and odd result codes', () => {
    expect(byCode('1.002756').resultType).toBe('electronic'); // "Thị thực điện tử"
    expect(byCode('1.000232').resultType).toBe('paper'); // "nhận kết quả qua đường bưu điện"
    expect(byCode('1.000811').resultType).toBe('both'); // "thẻ cứng hoặc thẻ điện tử"
    const p = byCode('1.013807');
    expect(p.results[0]!.code).toBe('rjwegefu');
    expect(p.problems).toContain('result code not in the usual form: rjwegefu');
  });
});

/** A portal record with only what a test needs. */
function record(fields: Record<string, string>): Record<string, string> {
  return {
    ma_thu_tuc: '9.999999',
    ten_thu_tuc: 'Thủ tục thử',
    cap_thuc_hien: 'Cấp xã',
    linh_vuc: 'Hộ tịch',
    doi_tuong_thuc_hien: 'Công dân Việt Nam',
    co_quan_co_tham_quyen: '',
    co_quan_thuc_hien: 'Ủy ban nhân dân cấp xã',
    dia_chi_tiep_nhan: '',
    cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcMiễn phí',
    thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính',
    can_cu_phap_ly: 'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13',
    yeu_cau_dieu_kien: 'Không có thông tin',
    ket_qua_xu_ly: 'Trích lục hộ tịchMã: KQ.G22.000001Từ khóaKhông có thông tinMô tảKhông có thông tin',
    ...fields,
  };
}
const HEAD = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('hand-written edge cases', () => {
  it('a clean record parses without problems; the competent authority falls back to the implementing agency', () => {
    const p = parseNationalProcedure(record({}));
    expect(p.problems).toEqual([]);
    expect(p.competentAuthority).toBe('Ủy ban nhân dân cấp xã');
    expect(p.legalBasis).toEqual([{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }]);
    expect(p.documents).toEqual([
      { name: 'Tờ khai', originals: 1, copies: 0, templates: [], required: true, group: null },
    ]);
  });

  it('half a working day, hours, days and years', () => {
    const time = (cell: string) =>
      parseNationalProcedure(record({ cach_thuc_thuc_hien: `${HEAD}Trực tuyến${cell}Miễn phí` }))
        .processingTime;
    expect(time('0,5 Ngày làm việc')).toEqual({ value: 0.5, unit: 'working_days' });
    expect(time('4 Giờ làm việc')).toEqual({ value: 4, unit: 'working_hours' });
    expect(time('8 Giờ')).toEqual({ value: 8, unit: 'hours' });
    expect(time('15 Ngày')).toEqual({ value: 15, unit: 'days' });
    expect(time('1 Năm')).toEqual({ value: 1, unit: 'years' });
  });

  it('the direct channel gives the main time when channels differ', () => {
    const p = parseNationalProcedure(
      record({
        cach_thuc_thuc_hien: `${HEAD}Trực tuyến3 Ngày làm việcMiễn phíTrực tiếp5 Ngày làm việcMiễn phí`,
      }),
    );
    expect(p.processingTime).toEqual({ value: 5, unit: 'working_days' });
    expect(p.problems).toEqual([
      'channels give different times: online 3 Ngày làm việc, direct 5 Ngày làm việc',
    ]);
  });

  it('Vietnamese amounts: "Lệ phí : 8.000 Đồng", "100.000 đồng/hồ sơ", "1.500.000", "02 triệu đồng"', () => {
    expect(parseAmount('8.000')).toBe(8000);
    expect(parseAmount('1.500.000')).toBe(1_500_000);
    expect(parseAmount('2,500,000')).toBe(2_500_000);
    expect(parseAmount('1100,000')).toBeNull(); // glued, never guessed
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(feesInText('Lệ phí : 8.000 Đồng').map((f) => f.amountVnd)).toEqual([8000]);
    expect(feesInText('Lệ phí: 100.000 đồng/hồ sơ.')).toEqual([
      { amountVnd: 100_000, label: 'Lệ phí: 100.000 đồng/hồ sơ' },
    ]);
    expect(feesInText('+ 02 triệu đồng/Giấy chứng nhận.').map((f) => f.amountVnd)).toEqual([2_000_000]);
    expect(feesInText('Cho một loại hình: 8.000.000/lần').map((f) => f.amountVnd)).toEqual([8_000_000]);
    // thresholds and capital are not fees
    expect(feesInText('hàng hóa có trị giá dưới 1.000.000 đồng được miễn')).toEqual([]);
    expect(feesInText('vốn 100.000.000.000 đồng')).toEqual([]);
  });

  it('fee cells: a note deciding "Miễn phí", a description fee, several amounts', () => {
    const fee = (cells: string) =>
      parseNationalProcedure(record({ cach_thuc_thuc_hien: `${HEAD}Trực tiếp1 Ngày làm việc${cells}` }));
    expect(fee('Miễn phí(Không thu lệ phí)').feeFree).toBe(true);
    const council = fee('Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định)');
    expect(council.feeFree).toBe(false);
    expect(kinds(council)).toEqual(['fee set elsewhere, amount not stated']);
    const described = fee('Không có thông tin- Lệ phí : 8.000 Đồng (lần đầu)');
    expect(described.fees).toEqual([{ amountVnd: 8000, label: 'Lệ phí : 8.000 Đồng (lần đầu)' }]);
    const two = fee('50,000 Việt Nam Đồng(Cấp mới)25,000 Việt Nam Đồng(Cấp lại)Nộp tại Bộ phận Một cửa');
    expect(two.fees).toEqual([
      { amountVnd: 50_000, label: 'Cấp mới' },
      { amountVnd: 25_000, label: 'Cấp lại' },
    ]);
    expect(two.channels[0]!.description).toBe('Nộp tại Bộ phận Một cửa');
  });

  it('an unknown level, a missing channel table and missing fields are problems, never guesses', () => {
    const p = parseNationalProcedure({
      ma_thu_tuc: '9.000001',
      cap_thuc_hien: 'Cấp huyện',
      cach_thuc_thuc_hien: 'Nộp trực tiếp tại UBND, 5 ngày',
    });
    expect(p.levels).toEqual(['other']);
    expect(p.channels).toEqual([]);
    expect(p.processingTime).toBeNull();
    expect(p.feeFree).toBe(false);
    expect(p.raw.cach_thuc_thuc_hien).toBe('Nộp trực tiếp tại UBND, 5 ngày');
    expect(kinds(p)).toEqual([
      'channel table not recognised',
      'no documents listed',
      'no legal basis listed',
      'no procedure name',
      'no result listed',
      'unknown level',
    ]);
  });

  it('document rows: glued counts, in-name counts, templates and optional documents', () => {
    const p = parseNationalProcedure(
      record({
        thanh_phan_ho_so:
          '--Tên giấy tờMẫu đơn, tờ khaiSố lượng' +
          'Đơn theo Mẫu số 01 ban hành kèm Nghị định 1161 bản chính' + // "Nghị định 116" + 1
          'Hợp đồng (01 bản chính hoặc 01 bản sao có chứng thực)0 bản chính,1 bản sao' +
          'Giấy ủy quyền (nếu có)1 bản chính' +
          'Trường hợp ủy quyền:Tên giấy tờMẫu đơn, tờ khaiSố lượng' +
          'Tờ khai theo mẫu;Mau01.docxMau02.docx2 bản chính',
      }),
    );
    expect(p.documents).toEqual([
      {
        name: 'Đơn theo Mẫu số 01 ban hành kèm Nghị định 116',
        originals: 1,
        copies: 0,
        templates: [],
        required: true,
        group: null,
      },
      {
        name: 'Hợp đồng (01 bản chính hoặc 01 bản sao có chứng thực)',
        originals: 0,
        copies: 1,
        templates: [],
        required: true,
        group: null,
      },
      {
        name: 'Giấy ủy quyền (nếu có)',
        originals: 1,
        copies: 0,
        templates: [],
        required: false,
        group: null,
      },
      {
        name: 'Tờ khai theo mẫu',
        originals: 2,
        copies: 0,
        templates: ['Mau01.docx', 'Mau02.docx'],
        required: true,
        group: 'Trường hợp ủy quyền:',
      },
    ]);
    // as in 1.000763: "…theo Thông tư số 56/2025/TT-NHNN.Phụ lục VII - TT56.docx"
    expect(
      splitTemplates(
        'Văn bản theo mẫu tại Phụ lục VII ban hành kèm theo Thông tư số 56/2025/TT-NHNN.Phụ lục VII - TT56.docx',
      ),
    ).toEqual({
      name: 'Văn bản theo mẫu tại Phụ lục VII ban hành kèm theo Thông tư số 56/2025/TT-NHNN.',
      templates: ['Phụ lục VII - TT56.docx'],
      unclear: false,
    });
  });

  it('legal basis: glued prefixes, duplicated numbers and a row without a number', () => {
    expect(
      parseLegalBasis(
        'Tên văn bản pháp lýMã văn bảnVề bảo lãnh Chính phủNghị định số 92/2018/NĐ-CPLuật 54/2014/QH1354/2014/QH13Luật Thú y',
      ),
    ).toEqual({
      legalBasis: [
        { title: 'Về bảo lãnh Chính phủ', number: '92/2018/NĐ-CP' },
        { title: 'Luật 54/2014/QH13', number: '54/2014/QH13' },
        { title: 'Luật Thú y', number: null },
      ],
      problems: ['legal basis row without a number: Luật Thú y'],
    });
    const text = parseLegalBasis('Căn cứ: Thông tư 269/2016/TT-BTC');
    expect(text.legalBasis).toBe('Căn cứ: Thông tư 269/2016/TT-BTC');
  });

  it('reads the same catalogue from lines streamed out of the .gz', async () => {
    const streamed = await parseNationalLines(referenceLines(NATIONAL_CATALOGUE));
    expect(streamed.stats).toEqual(stats);
    expect(streamed.procedures.map((p) => p.code)).toEqual(procedures.map((p) => p.code));
  });

  it('a JSONL file with a broken line and a blank line', () => {
    const good = JSON.stringify(record({}));
    const { procedures: list, stats: s } = parseNationalCatalogue(`${good}\n\n{not json\n[1,2]\n${good}\n`);
    expect(list).toHaveLength(2);
    expect(s.total).toBe(2);
    expect(s.unreadableLines).toBe(2);
    expect(s.byLevel.commune).toBe(2);
    expect(s.feeFree).toBe(2);
    expect(s.topProblems).toEqual([]);
  });
});
