import { describe, expect, it } from 'vitest';
import { renderDossierApology } from './dossier-apology.ts';
import { renderDossierDueSoon } from './dossier-due-soon.ts';
import { renderDossierReceived } from './dossier-received.ts';
import { renderDossierRefused } from './dossier-refused.ts';
import { renderDossierResultReady } from './dossier-result-ready.ts';
import { renderDossierSupplementRequested } from './dossier-supplement-requested.ts';
import type { DossierEmailFacts, EmailLocale, RenderedEmail } from './types.ts';

// 17:30 UTC on 24 July is 00:30 on 25 July in Vietnam: the date shown must be the 25th.
const facts: DossierEmailFacts = {
  code: '000.00.13.H38-250724-0042',
  procedureName: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Building permit for a private house' },
  dueAt: '2025-07-24T17:30:00.000Z',
  trackingUrl: 'https://thanh-hoa.motcua.vn/tra-cuu/000.00.13.H38-250724-0042',
};

const viFooter = ['Mã hồ sơ: 000.00.13.H38-250724-0042', 'Thủ tục: Cấp giấy phép xây dựng nhà ở riêng lẻ'];
const enFooter = [
  'Dossier code: 000.00.13.H38-250724-0042',
  'Procedure: Building permit for a private house',
];
const viTrack = 'Theo dõi hồ sơ tại: https://thanh-hoa.motcua.vn/tra-cuu/000.00.13.H38-250724-0042';
const enTrack = 'Follow your dossier at: https://thanh-hoa.motcua.vn/tra-cuu/000.00.13.H38-250724-0042';
const viClosing = 'Đây là thư tự động của hệ thống dịch vụ công trực tuyến; vui lòng không trả lời thư này.';
const enClosing =
  'This is an automatic message from the online public service system; please do not reply to it.';

const lines = (...parts: string[]) => `${parts.join('\n')}\n`;

interface Case {
  name: string;
  locale: EmailLocale;
  render: () => RenderedEmail;
  subject: string;
  text: string;
}

const supplement = {
  ...facts,
  missing: [
    { document: 'Bản vẽ thiết kế', reason: 'Thiếu bản vẽ mặt bằng tầng 2' },
    { document: 'Giấy chứng nhận quyền sử dụng đất', reason: 'Bản sao chưa được chứng thực' },
  ],
  note: 'Nộp trực tuyến hoặc tại bộ phận một cửa.',
};
const refused = { ...facts, dueAt: null, reason: 'Thủ tục không thuộc thẩm quyền của Sở Xây dựng' };
const apology = { ...facts, reason: 'Cần lấy ý kiến cơ quan phối hợp', newDueDate: '2025-08-05' };

const cases: Case[] = [
  {
    name: 'received',
    locale: 'vi',
    render: () => renderDossierReceived(facts, 'vi'),
    subject: 'Hồ sơ 000.00.13.H38-250724-0042 đã được tiếp nhận',
    text: lines(
      'Kính gửi Ông/Bà,',
      '',
      'Hồ sơ của Ông/Bà đã được tiếp nhận. Thời hạn giải quyết được tính từ ngày tiếp nhận hồ sơ.',
      '',
      ...viFooter,
      'Ngày hẹn trả kết quả: 25/07/2025',
      '',
      viTrack,
      '',
      viClosing,
    ),
  },
  {
    name: 'received',
    locale: 'en',
    render: () => renderDossierReceived(facts, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042 has been received',
    text: lines(
      'Dear applicant,',
      '',
      'Your dossier has been received. The time allowed for processing it counts from the date of receipt.',
      '',
      ...enFooter,
      'Appointment date for the result: 25/07/2025',
      '',
      enTrack,
      '',
      enClosing,
    ),
  },
  {
    name: 'supplement requested',
    locale: 'vi',
    render: () => renderDossierSupplementRequested(supplement, 'vi'),
    subject: 'Hồ sơ 000.00.13.H38-250724-0042 cần bổ sung giấy tờ',
    text: lines(
      'Kính gửi Ông/Bà,',
      '',
      'Hồ sơ của Ông/Bà chưa đầy đủ. Vui lòng bổ sung các giấy tờ sau:',
      '1. Bản vẽ thiết kế (lý do: Thiếu bản vẽ mặt bằng tầng 2)',
      '2. Giấy chứng nhận quyền sử dụng đất (lý do: Bản sao chưa được chứng thực)',
      '',
      'Ghi chú: Nộp trực tuyến hoặc tại bộ phận một cửa.',
      '',
      'Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung đủ hồ sơ.',
      '',
      ...viFooter,
      '',
      viTrack,
      '',
      viClosing,
    ),
  },
  {
    name: 'supplement requested',
    locale: 'en',
    render: () => renderDossierSupplementRequested(supplement, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042: documents needed',
    text: lines(
      'Dear applicant,',
      '',
      'Your dossier is incomplete. Please provide the following:',
      '1. Bản vẽ thiết kế (why: Thiếu bản vẽ mặt bằng tầng 2)',
      '2. Giấy chứng nhận quyền sử dụng đất (why: Bản sao chưa được chứng thực)',
      '',
      'Note: Nộp trực tuyến hoặc tại bộ phận một cửa.',
      '',
      'The time allowed for processing is paused until you have provided them.',
      '',
      ...enFooter,
      '',
      enTrack,
      '',
      enClosing,
    ),
  },
  {
    name: 'refused',
    locale: 'vi',
    render: () => renderDossierRefused(refused, 'vi'),
    subject: 'Hồ sơ 000.00.13.H38-250724-0042 không được tiếp nhận',
    text: lines(
      'Kính gửi Ông/Bà,',
      '',
      'Cơ quan tiếp nhận không thể tiếp nhận hồ sơ của Ông/Bà.',
      '',
      'Lý do: Thủ tục không thuộc thẩm quyền của Sở Xây dựng',
      '',
      ...viFooter,
      '',
      viTrack,
      '',
      viClosing,
    ),
  },
  {
    name: 'refused',
    locale: 'en',
    render: () => renderDossierRefused(refused, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042 was not accepted',
    text: lines(
      'Dear applicant,',
      '',
      'The receiving agency could not accept your dossier.',
      '',
      'Reason: Thủ tục không thuộc thẩm quyền của Sở Xây dựng',
      '',
      ...enFooter,
      '',
      enTrack,
      '',
      enClosing,
    ),
  },
  {
    name: 'result ready',
    locale: 'vi',
    render: () => renderDossierResultReady(facts, 'vi'),
    subject: 'Hồ sơ 000.00.13.H38-250724-0042 đã có kết quả',
    text: lines(
      'Kính gửi Ông/Bà,',
      '',
      'Hồ sơ của Ông/Bà đã được giải quyết và đã có kết quả. Ông/Bà nhận kết quả theo hình thức đã chọn khi nộp hồ sơ.',
      '',
      ...viFooter,
      'Ngày hẹn trả kết quả: 25/07/2025',
      '',
      viTrack,
      '',
      viClosing,
    ),
  },
  {
    name: 'result ready',
    locale: 'en',
    render: () => renderDossierResultReady(facts, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042: the result is ready',
    text: lines(
      'Dear applicant,',
      '',
      'Your dossier has been processed and the result is ready. You will receive it the way you chose when you submitted the dossier.',
      '',
      ...enFooter,
      'Appointment date for the result: 25/07/2025',
      '',
      enTrack,
      '',
      enClosing,
    ),
  },
  {
    name: 'apology',
    locale: 'vi',
    render: () => renderDossierApology(apology, 'vi'),
    subject: 'Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.13.H38-250724-0042',
    text: lines(
      'Kính gửi Ông/Bà,',
      '',
      'Cơ quan giải quyết thành thật xin lỗi Ông/Bà vì hồ sơ không thể giải quyết đúng hạn đã hẹn.',
      '',
      'Lý do: Cần lấy ý kiến cơ quan phối hợp',
      '',
      'Ngày hẹn trả kết quả trước đây: 25/07/2025',
      'Ngày hẹn trả kết quả mới: 05/08/2025',
      '',
      ...viFooter,
      '',
      viTrack,
      '',
      viClosing,
    ),
  },
  {
    name: 'apology',
    locale: 'en',
    render: () => renderDossierApology(apology, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042: apology and new appointment date',
    text: lines(
      'Dear applicant,',
      '',
      'The agency sincerely apologises: your dossier cannot be completed by the date it promised.',
      '',
      'Reason: Cần lấy ý kiến cơ quan phối hợp',
      '',
      'Previous appointment date: 25/07/2025',
      'New appointment date: 05/08/2025',
      '',
      ...enFooter,
      '',
      enTrack,
      '',
      enClosing,
    ),
  },
  {
    name: 'due soon (staff)',
    locale: 'vi',
    render: () => renderDossierDueSoon({ ...facts, dueAt: '2025-07-24T17:30:00.000Z' }, 'vi'),
    subject: 'Hồ sơ 000.00.13.H38-250724-0042 sắp đến hạn trả kết quả',
    text: lines(
      'Hồ sơ sau sắp đến hạn trả kết quả. Vui lòng hoàn thành đúng hạn, hoặc gửi văn bản xin lỗi và hẹn lại ngày trả cho người nộp trước ngày hẹn.',
      '',
      ...viFooter,
      'Ngày hẹn trả kết quả: 25/07/2025',
      '',
      'Xem hồ sơ tại: https://thanh-hoa.motcua.vn/tra-cuu/000.00.13.H38-250724-0042',
      '',
      viClosing,
    ),
  },
  {
    name: 'due soon (staff)',
    locale: 'en',
    render: () => renderDossierDueSoon({ ...facts, dueAt: '2025-07-24T17:30:00.000Z' }, 'en'),
    subject: 'Dossier 000.00.13.H38-250724-0042 is due soon',
    text: lines(
      'The dossier below is nearly due. Please finish it on time, or send the applicant an apology with a new appointment date before the current one.',
      '',
      ...enFooter,
      'Appointment date for the result: 25/07/2025',
      '',
      'Open the dossier at: https://thanh-hoa.motcua.vn/tra-cuu/000.00.13.H38-250724-0042',
      '',
      enClosing,
    ),
  },
];

describe('email templates', () => {
  it.each(cases)('$name in $locale', ({ render, subject, text }) => {
    expect(render()).toEqual({ subject, text });
  });
});

describe('where the citizen follows the dossier', () => {
  const { trackingUrl: _, ...noLink } = facts;
  it.each([
    {
      locale: 'vi' as const,
      input: { ...noLink, siteUrl: 'https://hue.motcua.vn' },
      line: 'Tra cứu hồ sơ bằng mã 000.00.13.H38-250724-0042 tại: https://hue.motcua.vn',
    },
    {
      locale: 'en' as const,
      input: { ...noLink, siteUrl: 'https://hue.motcua.vn' },
      line: 'Look up your dossier with its code 000.00.13.H38-250724-0042 at: https://hue.motcua.vn',
    },
    {
      locale: 'vi' as const,
      input: { ...facts, siteUrl: 'https://hue.motcua.vn' },
      line: viTrack,
    },
    {
      locale: 'vi' as const,
      input: noLink,
      line: 'Ông/Bà có thể tra cứu tình trạng hồ sơ bằng mã 000.00.13.H38-250724-0042 trên cổng dịch vụ công của cơ quan tiếp nhận.',
    },
    {
      locale: 'en' as const,
      input: noLink,
      line: 'You can follow your dossier with its code 000.00.13.H38-250724-0042 on the public service portal of the agency that received it.',
    },
  ])('$locale: $line', ({ locale, input, line }) => {
    const { text } = renderDossierReceived(input, locale);
    expect(text.split('\n\n')).toContain(line);
    if (!('trackingUrl' in input) && !('siteUrl' in input)) expect(text).not.toContain('http');
  });

  it('tells staff to use the console when there is no link', () => {
    expect(renderDossierDueSoon({ ...noLink, dueAt: '2025-07-24T10:00:00Z' }, 'vi').text).toContain(
      '\n\nXem hồ sơ trong trang quản trị của cơ quan.\n\n',
    );
    expect(renderDossierDueSoon({ ...noLink, dueAt: '2025-07-24T10:00:00Z' }, 'en').text).toContain(
      "\n\nOpen the dossier in the agency's console.\n\n",
    );
  });
});

describe('optional parts', () => {
  it('leaves out the appointment date of a dossier whose clock has not started', () => {
    const { text } = renderDossierReceived({ ...facts, dueAt: null }, 'vi');
    expect(text).not.toContain('Ngày hẹn');
    const apologyText = renderDossierApology({ ...apology, dueAt: null }, 'en').text;
    expect(apologyText).not.toContain('Previous appointment date');
    expect(apologyText).toContain('\nNew appointment date: 05/08/2025\n');
  });

  it('leaves out an empty note of a supplement request', () => {
    const { text } = renderDossierSupplementRequested({ ...supplement, note: '  ' }, 'vi');
    expect(text).not.toContain('Ghi chú');
  });

  it('keeps a subject on one line whatever the code and name hold', () => {
    const odd = { ...facts, code: 'ABC\r\nBcc: x@example.vn', procedureName: { vi: 'A\nB', en: 'C\r\nD' } };
    for (const locale of ['vi', 'en'] as const) {
      const { subject, text } = renderDossierReceived(odd, locale);
      expect(subject).not.toMatch(/[\r\n]/);
      expect(subject).toContain('ABC Bcc: x@example.vn');
      expect(text).toContain(locale === 'vi' ? '\nThủ tục: A B\n' : '\nProcedure: C D\n');
    }
  });
});
