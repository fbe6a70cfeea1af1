// The citizen portal's words, Vietnamese first. Plain language: what a person filing a dossier
// needs to read, not the agency's internal terms.
import type { Locale } from '../shared/i18n.ts';

const strings = {
  homeTitle: { vi: 'Cổng dịch vụ công', en: 'Public-service portal' },
  homeIntro: {
    vi: 'Tìm thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả.',
    en: 'Find a procedure, file a dossier online and follow its progress.',
  },
  searchLabel: { vi: 'Tìm thủ tục hành chính', en: 'Find a procedure' },
  searchHint: {
    vi: 'Nhập tên hoặc mã thủ tục, có thể gõ không dấu, ví dụ: khai sinh',
    en: 'Type the procedure’s name or code, with or without Vietnamese marks, e.g. birth',
  },
  searchButton: { vi: 'Tìm kiếm', en: 'Search' },
  popularTitle: { vi: 'Thủ tục được sử dụng nhiều', en: 'Most used procedures' },
  allProcedures: { vi: 'Xem tất cả thủ tục', en: 'See all procedures' },
  noProcedures: {
    vi: 'Cơ quan chưa công bố thủ tục nào.',
    en: 'The agency has not published any procedure yet.',
  },
  yourServicesTitle: { vi: 'Dành cho bạn', en: 'For you' },
  myDossiersLink: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  trackLink: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  signInLink: { vi: 'Đăng nhập', en: 'Sign in' },
  registerLink: { vi: 'Đăng ký tài khoản', en: 'Create an account' },
  suspendedTitle: { vi: 'Cổng dịch vụ công đang tạm ngừng', en: 'This portal is temporarily suspended' },
  suspendedBody: {
    vi: 'Bạn chưa thể nộp hồ sơ mới. Bạn vẫn có thể tra cứu tình trạng hồ sơ đã nộp.',
    en: 'New dossiers cannot be submitted for now. You can still track dossiers you have already filed.',
  },
  resultsTitle: { vi: 'Thủ tục hành chính', en: 'Procedures' },
  resultsFor: { vi: 'Kết quả cho', en: 'Results for' },
  resultsCount: { vi: 'thủ tục', en: 'procedures' },
  noResults: {
    vi: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa ngắn hơn hoặc xem tất cả thủ tục.',
    en: 'No procedure matches. Try a shorter word or see all procedures.',
  },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
  backToProcedures: { vi: 'Tất cả thủ tục', en: 'All procedures' },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  audience: { vi: 'Đối tượng thực hiện', en: 'Who it is for' },
  audienceCitizen: { vi: 'Công dân', en: 'Citizens' },
  audienceBusiness: { vi: 'Doanh nghiệp, tổ chức', en: 'Businesses and organisations' },
  audienceBoth: { vi: 'Công dân, doanh nghiệp và tổ chức', en: 'Citizens, businesses and organisations' },
  onlineLevel: { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  free: { vi: 'Không mất phí', en: 'Free' },
  whenApplicable: { vi: 'tùy trường hợp', en: 'in some cases' },
  documentsTitle: { vi: 'Thành phần hồ sơ', en: 'Documents to provide' },
  noDocuments: { vi: 'Không yêu cầu giấy tờ kèm theo.', en: 'No documents are needed.' },
  documentName: { vi: 'Giấy tờ', en: 'Document' },
  documentCopies: { vi: 'Số lượng', en: 'Quantity' },
  documentTemplate: { vi: 'Mẫu', en: 'Template' },
  required: { vi: 'bắt buộc', en: 'required' },
  optional: { vi: 'nếu có', en: 'if any' },
  originals: { vi: 'bản chính', en: 'original(s)' },
  copies: { vi: 'bản sao', en: 'copy/copies' },
  downloadTemplate: { vi: 'Tải mẫu', en: 'Download' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  description: { vi: 'Mô tả', en: 'Description' },
  startDossier: { vi: 'Nộp hồ sơ trực tuyến', en: 'File a dossier online' },
  startNeedsAccount: {
    vi: 'Bạn cần đăng nhập để nộp hồ sơ; hồ sơ đang khai được lưu nháp.',
    en: 'You need to sign in to file; a dossier in progress is saved as a draft.',
  },
  trackTitle: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  trackIntro: {
    vi: 'Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    en: 'Enter the dossier code and the tracking key printed on your receipt.',
  },
  trackCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  trackCodeHint: { vi: 'Ví dụ: 000.00.13.H38-250714-0042', en: 'For example: 000.00.13.H38-250714-0042' },
  trackKey: { vi: 'Mã tra cứu', en: 'Tracking key' },
  trackKeyHint: { vi: '8 ký tự, ví dụ: ABCD 2345', en: '8 characters, for example: ABCD 2345' },
  trackButton: { vi: 'Tra cứu', en: 'Track' },
  trackNotFound: {
    vi: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại giấy tiếp nhận.',
    en: 'No dossier matches this code and tracking key. Please check your receipt.',
  },
  trackTooMany: {
    vi: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.',
    en: 'Too many lookups. Please try again in a minute.',
  },
  errCode: { vi: 'Nhập mã hồ sơ in trên giấy tiếp nhận', en: 'Enter the dossier code from your receipt' },
  errKey: { vi: 'Nhập mã tra cứu gồm 8 ký tự', en: 'Enter the 8-character tracking key' },
  resultTitle: { vi: 'Tình trạng hồ sơ', en: 'Dossier status' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  status: { vi: 'Trạng thái', en: 'Status' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  receivedAt: { vi: 'Ngày tiếp nhận', en: 'Received' },
  dueAt: { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  finishedAt: { vi: 'Ngày hoàn thành', en: 'Finished' },
  stepsTitle: { vi: 'Quá trình xử lý', en: 'Progress' },
  noSteps: { vi: 'Chưa có bước xử lý nào.', en: 'Nothing has happened yet.' },
  myDossiersTitle: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  myDossiersEmpty: {
    vi: 'Bạn chưa có hồ sơ nào. Hãy tìm thủ tục để nộp hồ sơ trực tuyến.',
    en: 'You have no dossiers yet. Find a procedure to file one online.',
  },
  dossierCode: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  draftNoCode: { vi: 'Bản nháp', en: 'Draft' },
  continueDraft: { vi: 'Tiếp tục khai', en: 'Continue' },
  view: { vi: 'Xem', en: 'View' },
  dossierTitle: { vi: 'Hồ sơ', en: 'Dossier' },
  backToMyDossiers: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  backToDossier: { vi: 'Quay lại hồ sơ', en: 'Back to the dossier' },
  feeTotal: { vi: 'Phí, lệ phí phải nộp', en: 'Fees due' },
  paid: { vi: 'đã nộp', en: 'paid' },
  unpaid: { vi: 'chưa nộp', en: 'not paid yet' },
  rating: { vi: 'Đánh giá của bạn', en: 'Your rating' },
  papersTitle: { vi: 'Giấy tờ của hồ sơ', en: 'Papers of this dossier' },
  resultFilesTitle: { vi: 'Kết quả giải quyết', en: 'Result' },
  resultFile: { vi: 'Tải kết quả', en: 'Download the result' },
  formReceipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)', en: 'Receipt and appointment (PDF)' },
  formSupplement: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)', en: 'Supplement request (PDF)' },
  formRefusal: { vi: 'Phiếu từ chối tiếp nhận hồ sơ (PDF)', en: 'Refusal notice (PDF)' },
  formApology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)', en: 'Apology and new date (PDF)' },
  formStop: { vi: 'Thông báo dừng xử lý hồ sơ (PDF)', en: 'Notice of stopping (PDF)' },
  actionsTitle: { vi: 'Việc bạn có thể làm', en: 'What you can do' },
  supplementTitle: { vi: 'Bổ sung hồ sơ', en: 'Supplement your dossier' },
  supplementIntro: { vi: 'Cơ quan yêu cầu bổ sung:', en: 'The agency asks for:' },
  supplementAnswer: { vi: 'Nội dung bổ sung', en: 'Your answer' },
  supplementHint: {
    vi: 'Ghi rõ thông tin bổ sung, hoặc nơi bạn đã gửi giấy tờ còn thiếu.',
    en: 'Give the missing details, or say where you sent the missing papers.',
  },
  supplementButton: { vi: 'Gửi bổ sung', en: 'Send' },
  supplementFiles: { vi: 'Tải lên giấy tờ bổ sung', en: 'Upload the missing papers' },
  supplementFileHint: {
    vi: 'Không bắt buộc. Chọn loại giấy tờ rồi chọn một tệp PDF, JPG hoặc PNG; mỗi lần gửi một tệp.',
    en: 'Optional. Choose which paper it is, then one PDF, JPG or PNG file; one file per answer.',
  },
  supplementPaper: { vi: 'Giấy tờ này là', en: 'This paper is' },
  supplementFile: { vi: 'Tệp giấy tờ', en: 'The file' },
  withdrawTitle: { vi: 'Rút hồ sơ', en: 'Withdraw the dossier' },
  withdrawLink: { vi: 'Rút hồ sơ…', en: 'Withdraw this dossier…' },
  withdrawConfirmTitle: { vi: 'Bạn có chắc muốn rút hồ sơ?', en: 'Are you sure you want to withdraw?' },
  withdrawWarning: {
    vi: 'Sau khi rút, cơ quan dừng giải quyết hồ sơ này. Bạn không thể hoàn tác; muốn tiếp tục thì phải nộp hồ sơ mới.',
    en: 'Once withdrawn, the agency stops handling this dossier. This cannot be undone; to go on you would file a new dossier.',
  },
  withdrawReason: { vi: 'Lý do rút hồ sơ (không bắt buộc)', en: 'Why are you withdrawing? (optional)' },
  withdrawButton: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  cancel: { vi: 'Không, quay lại hồ sơ', en: 'No, back to the dossier' },
  rateTitle: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' },
  rateLegend: { vi: 'Bạn hài lòng với việc giải quyết hồ sơ ở mức nào?', en: 'How satisfied are you?' },
  rateComment: { vi: 'Ý kiến của bạn (không bắt buộc)', en: 'Your comment (optional)' },
  rateButton: { vi: 'Gửi đánh giá', en: 'Send rating' },
  score1: { vi: '1 — Rất không hài lòng', en: '1 — Very dissatisfied' },
  score2: { vi: '2 — Không hài lòng', en: '2 — Dissatisfied' },
  score3: { vi: '3 — Bình thường', en: '3 — Neutral' },
  score4: { vi: '4 — Hài lòng', en: '4 — Satisfied' },
  score5: { vi: '5 — Rất hài lòng', en: '5 — Very satisfied' },
  feedbackTitle: { vi: 'Phản ánh, kiến nghị', en: 'Feedback or complaint' },
  feedbackIntro: {
    vi: 'Cơ quan trả lời trong 15 ngày làm việc.',
    en: 'The agency answers within 15 working days.',
  },
  feedbackSubject: { vi: 'Tiêu đề', en: 'Subject' },
  feedbackBody: { vi: 'Nội dung', en: 'Details' },
  feedbackButton: { vi: 'Gửi phản ánh', en: 'Send feedback' },
  doneSupplement: { vi: 'Đã gửi nội dung bổ sung.', en: 'Your supplement was sent.' },
  doneWithdraw: { vi: 'Hồ sơ đã được rút.', en: 'The dossier was withdrawn.' },
  doneRate: { vi: 'Cảm ơn bạn đã đánh giá.', en: 'Thank you for your rating.' },
  doneFeedback: {
    vi: 'Đã gửi phản ánh, kiến nghị. Cơ quan sẽ trả lời bạn.',
    en: 'Your feedback was sent. The agency will answer you.',
  },
  errScore: { vi: 'Chọn mức độ hài lòng từ 1 đến 5', en: 'Choose a rating from 1 to 5' },
  errSupplement: {
    vi: 'Nhập nội dung bổ sung hoặc tải lên giấy tờ',
    en: 'Enter your answer or upload a paper',
  },
  errSubject: { vi: 'Nhập tiêu đề từ 3 đến 200 ký tự', en: 'Enter a subject of 3 to 200 characters' },
  errBody: { vi: 'Nhập nội dung từ 10 ký tự trở lên', en: 'Enter at least 10 characters' },
  errTooLong: { vi: 'Nội dung quá dài', en: 'This is too long' },
  errStale: {
    vi: 'Hồ sơ vừa có thay đổi. Hãy xem lại hồ sơ rồi thử lại.',
    en: 'The dossier has just changed. Please look at it again and retry.',
  },
  errNotNow: {
    vi: 'Việc này không thực hiện được ở trạng thái hiện tại của hồ sơ.',
    en: 'This cannot be done in the dossier’s current state.',
  },
  errInvalid: { vi: 'Thông tin chưa hợp lệ', en: 'This is not valid' },
  citizensOnlyTitle: { vi: 'Trang dành cho công dân', en: 'This page is for citizens' },
  citizensOnlyBody: {
    vi: 'Bạn đang đăng nhập bằng tài khoản cán bộ. Hãy dùng trang quản trị của cơ quan.',
    en: 'You are signed in as agency staff. Please use the agency console.',
  },
  toConsole: { vi: 'Đến trang quản trị', en: 'Go to the console' },
} satisfies Record<string, Record<Locale, string>>;

export type PortalStringKey = keyof typeof strings;

export function portalText(locale: Locale, key: PortalStringKey): string {
  return strings[key][locale];
}

// One plain phrase per step of a dossier's life, without who did it: the same list serves the
// public tracking page, which shows no names.
const stepPhrases: Record<string, Record<Locale, string>> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Dossier submitted' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  refuse: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Dossier not accepted' },
  request_supplement: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'More information requested' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Dossier supplemented' },
  assign: { vi: 'Chuyển cán bộ thụ lý', en: 'Passed to a case officer' },
  complete_step: { vi: 'Hoàn thành một bước xử lý', en: 'A processing step completed' },
  request_payment: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Fees requested' },
  record_payment: { vi: 'Ghi nhận đã nộp phí, lệ phí', en: 'Payment recorded' },
  submit_for_approval: { vi: 'Trình lãnh đạo phê duyệt', en: 'Sent for approval' },
  return_for_rework: { vi: 'Trả lại để xử lý tiếp', en: 'Returned for more work' },
  approve: { vi: 'Lãnh đạo phê duyệt', en: 'Approved' },
  stop: { vi: 'Dừng xử lý hồ sơ', en: 'Processing stopped' },
  issue_result: { vi: 'Ban hành kết quả', en: 'Result issued' },
  return_result: { vi: 'Trả kết quả', en: 'Result returned' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Dossier withdrawn' },
  apologise: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new due date' },
  rate: { vi: 'Đánh giá mức độ hài lòng', en: 'Service rated' },
};

export function portalStepPhrase(locale: Locale, action: string): string {
  return stepPhrases[action]?.[locale] ?? action.replaceAll('_', ' ');
}

const units: Record<string, Record<Locale, string>> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  calendar_days: { vi: 'ngày', en: 'calendar days' },
  working_hours: { vi: 'giờ làm việc', en: 'working hours' },
  months: { vi: 'tháng', en: 'months' },
};

export function portalProcessingTime(locale: Locale, time: { value: number; unit: string }): string {
  return `${time.value} ${units[time.unit]?.[locale] ?? time.unit}`;
}

const returnMethods: Record<string, Record<Locale, string>> = {
  online: { vi: 'trực tuyến, vào tài khoản của bạn', en: 'online, into your account' },
  desk: { vi: 'tại bộ phận một cửa', en: 'at the one-stop desk' },
  post: { vi: 'qua dịch vụ bưu chính công ích', en: 'by public post' },
};

export function returnMethodName(locale: Locale, method: string): string {
  return returnMethods[method]?.[locale] ?? method;
}
