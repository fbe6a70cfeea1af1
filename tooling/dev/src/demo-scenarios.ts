// What the demo seeds in each agency: a dossier at every stage of the one-stop life (Decree
// 118/2025/NĐ-CP; the states of packages/domain/src/dossier), spread over the five starter
// procedures and the last five weeks. One is past its deadline, one is due within the working day.
import {
  addCalendarDays,
  createWorkingCalendar,
  type DossierState,
  type WorkingCalendar,
} from '@motcua/domain';
import {
  birth,
  buildingPermit,
  type DemoFile,
  type DemoFiling,
  householdBusiness,
  judicialRecord,
  residence,
} from './demo-answers.ts';
import type { DemoTenantPeople } from './demo-people.ts';
import {
  citizen,
  clerk,
  type DossierPlan,
  desk,
  leader,
  makeTimeline,
  officer,
  type PlanStep,
  paymentOf,
  type Timeline,
} from './demo-plan.ts';

const reasons = {
  blurredProof: [
    {
      document: 'Giấy tờ chứng minh quan hệ nhân thân',
      reason: 'Bản chụp giấy khai sinh bị mờ, không đọc được họ tên cha, mẹ.',
    },
  ],
  unsignedConsent: [
    {
      document: 'Ý kiến đồng ý của chủ nhà',
      reason: 'Văn bản đồng ý chưa có chữ ký của người đồng sở hữu chỗ ở.',
    },
  ],
  planning:
    'Thửa đất nằm trong quy hoạch đất cây xanh công cộng đã được phê duyệt, không đủ điều kiện cấp giấy phép xây dựng nhà ở riêng lẻ.',
  apology:
    'Ngành nghề đăng ký cần lấy ý kiến cơ quan chuyên môn về điều kiện kinh doanh. Cơ quan xin lỗi ông/bà vì sự chậm trễ và hẹn lại ngày trả kết quả.',
  notLivingThere: 'Qua xác minh thực tế, công dân không sinh sống tại chỗ ở đề nghị đăng ký thường trú.',
  rework: 'Bổ sung ảnh chụp hiện trạng khu đất và biên bản kiểm tra thực địa.',
  withdrawal: 'Tôi đã được cấp Phiếu lý lịch tư pháp tại nơi thường trú, không còn nhu cầu.',
};

function plan(
  key: string,
  filing: DemoFiling,
  at: Date,
  state: DossierState,
  steps: PlanStep[] = [],
  deadline?: DossierPlan['deadline'],
): DossierPlan {
  return { key, filing, submit: state !== 'draft', at, steps, state, ...(deadline ? { deadline } : {}) };
}

const result = (fileName: string): DemoFile[] => [{ slot: 'result', fileName }];

/** The case officer's workflow steps, at these times of the n-th working day back. */
const workOn = (t: Timeline, n: number, times: string[]) =>
  times.map((time) => officer('complete_step', t.on(n, time)));

/** Not yet received, or out before processing: the desk's side of the one-stop shop. */
function arriving(p: DemoTenantPeople, t: Timeline): DossierPlan[] {
  return [
    plan('draft', householdBusiness(p, 3, 1), t.on(2, '21:10'), 'draft'),
    plan(
      'submitted',
      judicialRecord(p, 0, { purpose: 'Bổ sung hồ sơ xin việc' }),
      t.on(1, '15:40'),
      'submitted',
    ),
    plan('supplement_requested', residence(p, 1, 'relative_home'), t.on(3, '19:45'), 'supplement_requested', [
      desk('request_supplement', t.on(2, '08:15'), { missing: reasons.blurredProof }),
    ]),
    plan('refused', buildingPermit(p, 2, 4), t.on(8, '10:05'), 'refused', [
      desk('refuse', t.on(7, '09:30'), { reason: reasons.planning }),
    ]),
    plan('received', residence(p, 4, 'own_home'), t.on(2, '16:20'), 'received', [
      desk('receive', t.on(1, '08:10')),
    ]),
    plan(
      'withdrawn',
      judicialRecord(p, 1, { purpose: 'Bổ sung hồ sơ xin việc' }),
      t.on(6, '20:00'),
      'withdrawn',
      [
        desk('receive', t.on(5, '08:30')),
        citizen('withdraw', t.on(4, '12:15'), { reason: reasons.withdrawal }),
      ],
    ),
  ];
}

/** In the hands of the case officer, with the clock running or paused. */
function working(p: DemoTenantPeople, t: Timeline): DossierPlan[] {
  return [
    plan(
      'late',
      householdBusiness(p, 0, 0),
      t.on(10, '20:05'),
      'in_progress',
      [
        desk('receive', t.on(9, '08:40')),
        desk('assign', t.on(9, '09:30')),
        // Before the due date, as the one-stop rules ask of an agency that will be late.
        officer('apologise', t.on(6, '15:30'), {
          newDueDate: t.calendar.addWorkingDays(t.today, 2),
          reason: reasons.apology,
        }),
      ],
      'late',
    ),
    plan(
      'due_soon',
      birth(p, 1, addCalendarDays(t.soon, -6)),
      t.onSoon('07:40'),
      'in_progress',
      [
        desk('receive', t.onSoon('08:00')),
        desk('assign', t.onSoon('08:20')),
        ...['09:00', '09:40', '10:15'].map((time) => officer('complete_step', t.onSoon(time))),
      ],
      'due_soon',
    ),
    plan('in_progress', residence(p, 3, 'rented_or_borrowed'), t.on(7, '20:30'), 'in_progress', [
      desk('receive', t.on(6, '08:30')),
      desk('assign', t.on(6, '10:00')),
      officer('request_supplement', t.on(5, '14:00'), { missing: reasons.unsignedConsent }),
      citizen('supplement', t.on(3, '19:20'), {}, [
        { slot: 'owner_consent', fileName: 'y-kien-dong-y-chu-nha-bo-sung.pdf' },
      ]),
      officer('complete_step', t.on(2, '09:00'), { note: 'Đã xác minh chỗ ở thực tế.' }),
    ]),
    plan('payment_requested', householdBusiness(p, 2, 2), t.on(2, '20:45'), 'payment_requested', [
      desk('receive', t.on(1, '08:30')),
      desk('assign', t.on(1, '09:00')),
      officer('request_payment', t.on(1, '10:30')),
    ]),
    plan('awaiting_approval', buildingPermit(p, 4, 3), t.on(4, '09:15'), 'awaiting_approval', [
      desk('receive', t.on(3, '08:00')),
      desk('assign', t.on(3, '08:45')),
      officer('request_payment', t.on(3, '10:00')),
      desk('record_payment', t.on(3, '14:10'), paymentOf(t.on(3, '14:10'), 'online')),
      ...workOn(t, 2, ['09:00', '14:30']),
      ...workOn(t, 1, ['08:30']),
      officer('submit_for_approval', t.on(1, '09:30')),
    ]),
  ];
}

/** Decided: approved, stopped, or with its result issued and handed over. */
function decided(p: DemoTenantPeople, t: Timeline): DossierPlan[] {
  return [
    plan('approved', buildingPermit(p, 1, 2), t.on(5, '20:00'), 'approved', [
      desk('receive', t.on(4, '08:15')),
      desk('assign', t.on(4, '09:00')),
      officer('request_payment', t.on(4, '10:00')),
      desk('record_payment', t.on(4, '15:00'), paymentOf(t.on(4, '15:00'), 'desk')),
      ...workOn(t, 3, ['09:00', '15:00']),
      ...workOn(t, 2, ['10:00']),
      officer('submit_for_approval', t.on(2, '11:00')),
      leader('return_for_rework', t.on(2, '14:00'), { reason: reasons.rework }),
      officer('submit_for_approval', t.on(1, '09:00')),
      leader('approve', t.on(1, '10:00')),
    ]),
    plan('stopped', residence(p, 2, 'rented_or_borrowed'), t.on(15, '19:30'), 'stopped', [
      desk('receive', t.on(14, '08:30')),
      desk('assign', t.on(14, '10:00')),
      officer('complete_step', t.on(12, '09:00'), { note: 'Đã xác minh tại địa bàn.' }),
      leader('stop', t.on(11, '15:00'), { reason: reasons.notLivingThere }),
    ]),
    plan(
      'result_issued',
      judicialRecord(p, 3, { purpose: 'Làm thủ tục xin thị thực du học', type: 'no_2' }),
      t.on(8, '21:15'),
      'result_issued',
      [
        desk('receive', t.on(7, '08:20')),
        desk('assign', t.on(7, '09:00')),
        officer('request_payment', t.on(7, '09:30')),
        desk('record_payment', t.on(7, '10:05'), paymentOf(t.on(7, '10:05'), 'online')),
        ...workOn(t, 6, ['09:00']),
        ...workOn(t, 4, ['10:00', '14:00']),
        officer('submit_for_approval', t.on(3, '09:00')),
        leader('approve', t.on(3, '15:00')),
        clerk('issue_result', t.on(2, '09:30'), {}, result('phieu-ly-lich-tu-phap-so-2.pdf')),
      ],
    ),
    plan(
      'result_returned_rated',
      birth(p, 0, addCalendarDays(t.day(16), -10)),
      t.on(16, '20:10'),
      'result_returned',
      [
        desk('receive', t.on(15, '07:45')),
        desk('assign', t.on(15, '08:00')),
        ...workOn(t, 15, ['09:00', '10:00', '14:00']),
        officer('submit_for_approval', t.on(15, '14:30')),
        leader('approve', t.on(15, '15:30')),
        clerk('issue_result', t.on(15, '16:15'), {}, result('giay-khai-sinh-ban-dien-tu.pdf')),
        desk('return_result', t.on(15, '16:30'), { method: 'online' }),
        citizen('rate', t.on(14, '20:00'), {
          score: 5,
          comment: 'Thủ tục nhanh, cán bộ hướng dẫn tận tình.',
        }),
      ],
    ),
    plan(
      'result_returned',
      judicialRecord(p, 4, { purpose: 'Bổ sung hồ sơ thành lập doanh nghiệp', count: 3 }),
      t.on(22, '09:00'),
      'result_returned',
      [
        desk('receive', t.on(21, '08:30')),
        desk('assign', t.on(21, '09:00')),
        officer('request_payment', t.on(21, '10:00')),
        desk('record_payment', t.on(20, '08:15'), paymentOf(t.on(20, '08:15'), 'desk')),
        ...workOn(t, 19, ['09:00']),
        ...workOn(t, 18, ['09:00']),
        ...workOn(t, 17, ['14:00']),
        officer('submit_for_approval', t.on(16, '09:00')),
        leader('approve', t.on(16, '15:00')),
        clerk('issue_result', t.on(15, '09:00'), {}, result('phieu-ly-lich-tu-phap-so-1.pdf')),
        desk('return_result', t.on(15, '10:00'), { method: 'post' }),
      ],
    ),
  ];
}

/** The demo dossiers of one agency as of `now`; pure, so the schedule can be checked for any day. */
export function planDemoDossiers(
  people: DemoTenantPeople,
  now: Date,
  calendar: WorkingCalendar = createWorkingCalendar(),
): DossierPlan[] {
  const timeline = makeTimeline(calendar, now);
  return [...arriving(people, timeline), ...working(people, timeline), ...decided(people, timeline)];
}
