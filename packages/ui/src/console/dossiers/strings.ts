// Interface strings of the agency console's dossier pages (home, queue, dossier and its
// actions), Vietnamese first. The status names are the National Public Service Portal's.
import type { Locale } from '../../shared/i18n.ts';

const strings = {
  homeIntro: {
    vi: 'Những việc cần chú ý hôm nay. Chọn một mục để mở danh sách hồ sơ.',
    en: 'What needs attention today. Choose an item to open the list of dossiers.',
  },
  attentionTitle: { vi: 'Cần chú ý', en: 'Needs attention' },
  attentionNew: { vi: 'Hồ sơ mới nộp, chờ tiếp nhận', en: 'New dossiers waiting to be received' },
  attentionDueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  attentionLate: { vi: 'Quá hạn', en: 'Late' },
  attentionMine: { vi: 'Đang chờ tôi xử lý', en: 'Waiting for me' },
  attentionSupplement: {
    vi: 'Chờ công dân bổ sung',
    en: 'Waiting for the citizen’s supplement',
  },
  backToConsole: { vi: 'Về bảng điều khiển', en: 'Back to the console' },
  manageTitle: { vi: 'Quản trị', en: 'Administration' },
  queueLink: { vi: 'Tất cả hồ sơ', en: 'All dossiers' },
  queueTitle: { vi: 'Hồ sơ', en: 'Dossiers' },
  queueIntro: {
    vi: 'Hồ sơ xếp theo hạn xử lý, hạn gần nhất trước.',
    en: 'Dossiers by deadline, the nearest first.',
  },
  filtersTitle: { vi: 'Lọc hồ sơ', en: 'Filter dossiers' },
  filterState: { vi: 'Trạng thái', en: 'Status' },
  filterProcedure: { vi: 'Thủ tục', en: 'Procedure' },
  filterDue: { vi: 'Hạn xử lý', en: 'Deadline' },
  filterMine: { vi: 'Chỉ hồ sơ được phân công cho tôi', en: 'Only dossiers assigned to me' },
  filterAny: { vi: 'Tất cả', en: 'All' },
  filterButton: { vi: 'Lọc', en: 'Filter' },
  filterClear: { vi: 'Bỏ lọc', en: 'Clear the filters' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  late: { vi: 'Quá hạn', en: 'Late' },
  onTime: { vi: 'Trong hạn', en: 'On time' },
  colCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  colProcedure: { vi: 'Thủ tục', en: 'Procedure' },
  colApplicant: { vi: 'Người nộp', en: 'Applicant' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colDue: { vi: 'Hạn xử lý', en: 'Due' },
  colFlags: { vi: 'Cảnh báo', en: 'Flags' },
  answerBy: { vi: 'Phải trả lời trước', en: 'Answer by' },
  answerByHint: {
    vi: 'Hồ sơ trực tuyến phải được tiếp nhận hoặc yêu cầu bổ sung trong 8 giờ làm việc (Nghị định 45/2020/NĐ-CP).',
    en: 'Online dossiers must be received or answered with a supplement request within 8 working hours (Decree 45/2020/NĐ-CP).',
  },
  noDossiers: { vi: 'Không có hồ sơ nào khớp bộ lọc.', en: 'No dossier matches the filters.' },
  countShown: { vi: 'Số hồ sơ:', en: 'Dossiers:' },
  capped: {
    vi: 'Chỉ hiển thị 200 hồ sơ có hạn gần nhất; hãy lọc để thu hẹp danh sách.',
    en: 'Only the 200 dossiers with the nearest deadlines are shown; filter to narrow the list.',
  },
  noCode: { vi: '(chưa có mã)', en: '(no code yet)' },
  backToQueue: { vi: 'Về danh sách hồ sơ', en: 'Back to the dossiers' },
  dossierTitle: { vi: 'Hồ sơ', en: 'Dossier' },
  summaryTitle: { vi: 'Thông tin chung', en: 'Summary' },
  channel: { vi: 'Hình thức nộp', en: 'Channel' },
  channelOnline: { vi: 'Trực tuyến', en: 'Online' },
  channelInPerson: { vi: 'Trực tiếp', en: 'In person' },
  channelPost: { vi: 'Bưu chính công ích', en: 'Public post' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received' },
  dueAt: { vi: 'Hẹn trả kết quả', en: 'Due' },
  finishedAt: { vi: 'Ngày kết thúc', en: 'Finished' },
  fee: { vi: 'Phí, lệ phí', en: 'Fees' },
  paid: { vi: 'đã nộp', en: 'paid' },
  unpaid: { vi: 'chưa nộp', en: 'not paid' },
  noFee: { vi: 'Không thu phí', en: 'No fee' },
  assignee: { vi: 'Cán bộ xử lý', en: 'Case officer' },
  notAssigned: { vi: 'Chưa phân công', en: 'Not assigned yet' },
  step: { vi: 'Bước xử lý', en: 'Workflow step' },
  rating: { vi: 'Đánh giá của công dân', en: 'Citizen’s rating' },
  you: { vi: 'Bạn', en: 'You' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
  system: { vi: 'Hệ thống', en: 'System' },
  answersTitle: { vi: 'Tờ khai', en: 'Declaration' },
  noAnswer: { vi: '(không khai)', en: '(not answered)' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  resultsTitle: { vi: 'Kết quả giải quyết', en: 'Result' },
  noResults: { vi: 'Chưa có kết quả.', en: 'No result yet.' },
  file: { vi: 'tệp', en: 'file' },
  resultFile: { vi: 'Kết quả giải quyết', en: 'Result' },
  timelineTitle: { vi: 'Quá trình xử lý', en: 'History' },
  timelineAt: { vi: 'Thời điểm', en: 'When' },
  timelineStep: { vi: 'Thao tác', en: 'Step' },
  timelineBy: { vi: 'Người thực hiện', en: 'By' },
  timelineNote: { vi: 'Nội dung', en: 'Details' },
  formsTitle: { vi: 'Mẫu in (Thông tư 03/2025/TT-VPCP)', en: 'Printable forms (Circular 03/2025/TT-VPCP)' },
  noForms: { vi: 'Chưa có mẫu nào để in.', en: 'Nothing to print yet.' },
  formReceipt: { vi: 'Giấy tiếp nhận và hẹn trả kết quả', en: 'Receipt and appointment' },
  formSupplement: { vi: 'Phiếu yêu cầu bổ sung hồ sơ', en: 'Supplement request' },
  formRefusal: { vi: 'Phiếu từ chối tiếp nhận', en: 'Refusal' },
  formApology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả', en: 'Apology and new date' },
  formStop: { vi: 'Thông báo dừng xử lý', en: 'Notice of stopping' },
  formControlSlip: { vi: 'Phiếu kiểm soát quá trình giải quyết', en: 'Processing control slip' },
  actionsTitle: { vi: 'Thao tác', en: 'Actions' },
  noActions: {
    vi: 'Bạn không có thao tác nào với hồ sơ này ở trạng thái hiện tại.',
    en: 'There is nothing for you to do on this dossier in its current state.',
  },
  done: { vi: 'Đã thực hiện:', en: 'Done:' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  missingTitle: { vi: 'Giấy tờ còn thiếu', en: 'Missing documents' },
  missingHint: {
    vi: 'Ghi rõ từng giấy tờ cần bổ sung và lý do. Chỉ yêu cầu bổ sung một lần, bằng văn bản (Nghị định 118/2025/NĐ-CP).',
    en: 'Name each missing document and why. Ask once, in writing (Decree 118/2025/NĐ-CP).',
  },
  missingDocument: { vi: 'Giấy tờ', en: 'Document' },
  missingReason: { vi: 'Lý do', en: 'Reason' },
  row: { vi: 'dòng', en: 'row' },
  officerLabel: { vi: 'Chuyên viên thụ lý', en: 'Case officer' },
  chooseOfficer: { vi: 'Chọn chuyên viên', en: 'Choose a case officer' },
  noOfficers: {
    vi: 'Cơ quan chưa có chuyên viên thụ lý nào đang hoạt động. Hãy đề nghị quản trị mời chuyên viên.',
    en: 'The agency has no active case officer. Ask your administrator to invite one.',
  },
  amount: { vi: 'Số tiền', en: 'Amount' },
  paymentReference: { vi: 'Số biên lai', en: 'Receipt number' },
  paymentReferenceHint: {
    vi: 'Số biên lai thu phí, lệ phí tại bộ phận một cửa.',
    en: 'The number of the fee receipt issued at the desk.',
  },
  resultFileLabel: { vi: 'Tệp kết quả đã ký', en: 'Signed result file' },
  resultFileHint: {
    vi: 'PDF, JPEG hoặc PNG, tối đa 20 MB.',
    en: 'PDF, JPEG or PNG, up to 20 MB.',
  },
  returnMethod: { vi: 'Hình thức trả kết quả', en: 'How the result is returned' },
  methodOnline: { vi: 'Trực tuyến, vào tài khoản công dân', en: 'Online, to the citizen’s account' },
  methodDesk: { vi: 'Tại bộ phận một cửa', en: 'At the desk' },
  methodPost: { vi: 'Qua bưu chính công ích', en: 'By public post' },
  newDueDate: { vi: 'Ngày hẹn trả mới', en: 'New due date' },
  newDueDateHint: {
    vi: 'Ví dụ: 2026-03-20. Phải sau ngày hẹn hiện tại.',
    en: 'For example: 2026-03-20. It must be after the current due date.',
  },
  apologyHint: {
    vi: 'Gửi văn bản xin lỗi và hẹn lại ngày trả trước khi hồ sơ quá hạn.',
    en: 'Send the apology with a new date before the dossier is late.',
  },
  errReason: { vi: 'Nhập lý do (tối đa 2000 ký tự)', en: 'Enter the reason (at most 2000 characters)' },
  errNote: { vi: 'Ghi chú tối đa 2000 ký tự', en: 'The note can have at most 2000 characters' },
  errMissing: {
    vi: 'Ghi ít nhất một giấy tờ còn thiếu',
    en: 'List at least one missing document',
  },
  errMissingDocument: { vi: 'Nhập tên giấy tờ còn thiếu', en: 'Enter the missing document' },
  errMissingReason: { vi: 'Nhập lý do cần bổ sung', en: 'Enter why it is needed' },
  errDuplicate: { vi: 'Giấy tờ này đã được ghi ở dòng khác', en: 'This document is listed twice' },
  errOfficer: { vi: 'Chọn một chuyên viên thụ lý đang hoạt động', en: 'Choose an active case officer' },
  errReference: { vi: 'Nhập số biên lai', en: 'Enter the receipt number' },
  errResultFile: {
    vi: 'Chọn tệp kết quả đã ký: PDF, JPEG hoặc PNG, tối đa 20 MB',
    en: 'Choose the signed result file: PDF, JPEG or PNG, up to 20 MB',
  },
  errReturnMethod: { vi: 'Chọn hình thức trả kết quả', en: 'Choose how the result is returned' },
  errNewDueDate: {
    vi: 'Nhập ngày hẹn mới dạng NĂM-THÁNG-NGÀY, sau ngày hẹn hiện tại',
    en: 'Enter the new date as YEAR-MONTH-DAY, after the current due date',
  },
  errStale: {
    vi: 'Có người đã xử lý hồ sơ này trước bạn. Trang đã được tải lại với trạng thái mới nhất; hãy kiểm tra rồi thử lại.',
    en: 'Someone acted on this dossier first. The page now shows its latest state; check it and try again.',
  },
  errNotNow: {
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This cannot be done in the dossier’s current state.',
  },
  errForbidden: {
    vi: 'Vai trò của bạn không được thực hiện thao tác này với hồ sơ.',
    en: 'Your role may not do this on the dossier.',
  },
  errInvalid: { vi: 'Thông tin chưa hợp lệ', en: 'Some details are not valid' },
} satisfies Record<string, Record<Locale, string>>;

export type ConsoleDossierStringKey = keyof typeof strings;

export function consoleDossierText(locale: Locale, key: ConsoleDossierStringKey): string {
  return strings[key][locale];
}

/** Where inside "in progress" (national status 4) a dossier is: the portal has no finer name. */
const stateDetails: Record<string, Record<Locale, string>> = {
  awaiting_approval: { vi: 'chờ phê duyệt', en: 'awaiting approval' },
  approved: { vi: 'đã phê duyệt, chờ ban hành', en: 'approved, to be issued' },
};

export function stateDetail(locale: Locale, state: string): string | undefined {
  return stateDetails[state]?.[locale];
}

/** Every step of a dossier's life by its name: the staff actions and the citizen's. */
const actionNames: Record<string, Record<Locale, string>> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse the dossier' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  supplement: { vi: 'Công dân bổ sung hồ sơ', en: 'The citizen supplemented' },
  assign: { vi: 'Phân công xử lý', en: 'Assign a case officer' },
  complete_step: { vi: 'Hoàn thành bước xử lý', en: 'Complete this step' },
  request_payment: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Request the fee' },
  record_payment: { vi: 'Ghi nhận đã nộp phí tại quầy', en: 'Record a payment at the desk' },
  submit_for_approval: { vi: 'Trình phê duyệt', en: 'Submit for approval' },
  return_for_rework: { vi: 'Trả lại để xử lý lại', en: 'Return for rework' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
  issue_result: { vi: 'Ban hành kết quả', en: 'Issue the result' },
  return_result: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Công dân rút hồ sơ', en: 'The citizen withdrew' },
  apologise: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apologise and set a new date' },
  rate: { vi: 'Công dân đánh giá', en: 'The citizen rated' },
};

export function actionName(locale: Locale, action: string): string {
  return actionNames[action]?.[locale] ?? action;
}
