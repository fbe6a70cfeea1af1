// Interface strings of the dossier form, review and receipt pages, Vietnamese first.
import type { Locale } from '../../shared/i18n.ts';

const strings = {
  caption: { vi: 'Nộp hồ sơ trực tuyến', en: 'Online application' },
  editIntro: {
    vi: 'Điền thông tin và tải lên giấy tờ. Bấm “Lưu nháp” để tiếp tục sau, trên bất kỳ thiết bị nào.',
    en: 'Fill in your details and upload your documents. Press “Save draft” to continue later, on any device.',
  },
  optional: { vi: '(không bắt buộc)', en: '(optional)' },
  chooseOne: { vi: 'Chọn một mục', en: 'Choose one' },
  addressProvince: { vi: 'Tỉnh, thành phố', en: 'Province or city' },
  addressCommune: { vi: 'Xã, phường, đặc khu', en: 'Commune or ward' },
  addressStreet: { vi: 'Số nhà, đường, thôn, tổ dân phố', en: 'House number and street' },
  dateHint: { vi: 'Năm-tháng-ngày, ví dụ 2025-07-01', en: 'Year-month-day, for example 2025-07-01' },
  citizenIdHint: { vi: '12 chữ số', en: '12 digits' },
  checkboxYes: { vi: 'Có', en: 'Yes' },
  updateHint: {
    vi: 'Một số câu hỏi chỉ hiện ra theo câu trả lời của bạn. Sau khi thay đổi câu trả lời, bấm “Cập nhật”.',
    en: 'Some questions depend on your answers. After changing an answer, press “Update the form”.',
  },
  updateButton: { vi: 'Cập nhật', en: 'Update the form' },
  saveButton: { vi: 'Lưu nháp', en: 'Save draft' },
  continueButton: { vi: 'Tiếp tục', en: 'Continue' },
  uploadButton: { vi: 'Tải lên', en: 'Upload' },
  uploading: { vi: 'Đang tải lên', en: 'Uploading' },
  submitButton: { vi: 'Nộp hồ sơ', en: 'Submit the dossier' },
  documentsHeading: { vi: 'Giấy tờ kèm theo', en: 'Supporting documents' },
  chooseFile: { vi: 'Chọn tệp', en: 'Choose a file' },
  filesOf: { vi: 'Tệp đã tải lên', en: 'Uploaded files' },
  noFiles: { vi: 'Chưa có tệp nào.', en: 'No file yet.' },
  statusVerified: { vi: 'Đã kiểm tra', en: 'Checked' },
  statusPending: { vi: 'Chờ kiểm tra', en: 'Waiting to be checked' },
  statusRejected: { vi: 'Bị từ chối', en: 'Refused' },
  template: { vi: 'Tải mẫu đơn, tờ khai', en: 'Download the blank form' },
  accepts: { vi: 'Nhận tệp', en: 'Accepted files' },
  upTo: { vi: 'tối đa', en: 'up to' },
  savedNotice: {
    vi: 'Đã lưu nháp. Bạn có thể quay lại hoàn thiện hồ sơ bất cứ lúc nào.',
    en: 'Your draft is saved. You can come back and finish it at any time.',
  },
  uploadedNotice: { vi: 'Đã tải lên và kiểm tra tệp.', en: 'The file was uploaded and checked.' },
  staleNotice: {
    vi: 'Hồ sơ vừa được thay đổi ở nơi khác. Hãy kiểm tra lại trước khi nộp.',
    en: 'This dossier was just changed elsewhere. Check it again before submitting.',
  },
  errChooseFile: { vi: 'Chọn một tệp để tải lên', en: 'Choose a file to upload' },
  errFileType: { vi: 'Tệp phải là', en: 'The file must be' },
  errFileSize: { vi: 'Tệp quá lớn, tối đa', en: 'The file is too big, the limit is' },
  errFileRefused: {
    vi: 'Tệp bị từ chối vì nội dung không đúng loại hoặc không đủ dữ liệu; hãy tải lên lại',
    en: 'The file was refused because its content is not the right type or is incomplete; upload it again',
  },
  errQuota: {
    vi: 'Không thể nhận thêm tệp: tổng dung lượng tệp của bạn tại cơ quan này tối đa là',
    en: 'No more files can be taken: your files at this agency may take at most',
  },
  errAttach: { vi: 'Tải lên', en: 'Upload' },
  tooLargeTitle: { vi: 'Tệp quá lớn', en: 'The file is too big' },
  tooLargeBody: {
    vi: 'Mỗi lần chỉ tải lên được một tệp, tối đa 20 MB. Hãy quay lại và chọn tệp nhỏ hơn.',
    en: 'Upload one file at a time, at most 20 MB. Go back and choose a smaller file.',
  },
  backToForm: { vi: 'Quay lại hồ sơ', en: 'Back to the dossier' },
  versionChangedTitle: { vi: 'Thủ tục đã được cập nhật', en: 'The procedure has changed' },
  versionChangedBody: {
    vi: 'Cơ quan đã cập nhật thủ tục này sau khi bạn bắt đầu hồ sơ. Hãy bắt đầu một hồ sơ mới theo mẫu hiện hành.',
    en: 'The agency updated this procedure after you started. Please start a new dossier on the current form.',
  },
  startAgain: { vi: 'Bắt đầu hồ sơ mới', en: 'Start a new dossier' },
  staffOnlyTitle: { vi: 'Trang này dành cho người nộp hồ sơ', en: 'This page is for applicants' },
  staffOnlyBody: {
    vi: 'Bạn đang đăng nhập bằng tài khoản cán bộ. Hãy đăng nhập bằng tài khoản công dân để nộp hồ sơ.',
    en: 'You are signed in with a staff account. Sign in with a citizen account to file a dossier.',
  },
  reviewTitle: { vi: 'Kiểm tra lại trước khi nộp', en: 'Check your answers before submitting' },
  answersHeading: { vi: 'Thông tin đã khai', en: 'Your answers' },
  change: { vi: 'Sửa', en: 'Change' },
  notGiven: { vi: 'Không khai', en: 'Not given' },
  feesHeading: { vi: 'Phí, lệ phí', en: 'Fees' },
  feeItem: { vi: 'Khoản', en: 'Item' },
  feeAmount: { vi: 'Số tiền', en: 'Amount' },
  feeTotal: { vi: 'Tổng cộng', en: 'Total' },
  noFee: { vi: 'Thủ tục này không thu phí, lệ phí.', en: 'There is no fee for this procedure.' },
  feeLater: {
    vi: 'Số tiền được tính theo thông tin bạn khai. Cơ quan sẽ hướng dẫn cách nộp sau khi tiếp nhận hồ sơ.',
    en: 'The amount follows from your answers. The agency will tell you how to pay once it receives the dossier.',
  },
  submitIntro: {
    vi: 'Khi bấm “Nộp hồ sơ”, hồ sơ được gửi đến cơ quan và bạn không sửa được nữa.',
    en: 'When you press “Submit the dossier” it goes to the agency and can no longer be changed.',
  },
  receiptTitle: { vi: 'Đã nộp hồ sơ', en: 'Dossier submitted' },
  codeLabel: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  keyLabel: { vi: 'Mã tra cứu', en: 'Tracking key' },
  keyHint: {
    vi: 'Ghi lại mã hồ sơ và mã tra cứu: chỉ cần hai mã này là tra cứu được hồ sơ, không cần đăng nhập.',
    en: 'Write down the dossier code and the tracking key: with both you can track the dossier without signing in.',
  },
  keyOnReceipt: {
    vi: 'Mã tra cứu được in trên giấy tiếp nhận hồ sơ.',
    en: 'The tracking key is printed on the receipt.',
  },
  procedureLabel: { vi: 'Thủ tục', en: 'Procedure' },
  submittedAtLabel: { vi: 'Thời gian nộp', en: 'Submitted' },
  statusLabel: { vi: 'Trạng thái', en: 'Status' },
  dueLabel: { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  feeDueLabel: { vi: 'Phí, lệ phí phải nộp', en: 'Fees due' },
  nextHeading: { vi: 'Tiếp theo', en: 'What happens next' },
  // Decree 45/2020/NĐ-CP: an online dossier is received or answered within 8 working hours.
  nextBeforeReceipt: {
    vi: 'Cơ quan kiểm tra hồ sơ trong vòng 8 giờ làm việc. Khi hồ sơ được tiếp nhận, bạn nhận được giấy tiếp nhận với ngày hẹn trả kết quả; nếu còn thiếu giấy tờ, cơ quan sẽ báo một lần để bạn bổ sung.',
    en: 'The agency checks the dossier within 8 working hours. Once it is received you get a receipt with the date the result is due; if anything is missing, the agency asks you once to add it.',
  },
  receiptPdf: { vi: 'Tải giấy tiếp nhận và hẹn trả kết quả (PDF)', en: 'Download the receipt (PDF)' },
  trackLink: { vi: 'Tra cứu hồ sơ', en: 'Track this dossier' },
  qrLabel: { vi: 'Mã QR để tra cứu hồ sơ', en: 'QR code to track the dossier' },
} satisfies Record<string, Record<Locale, string>>;

export type PortalFormStringKey = keyof typeof strings;

export function portalFormText(locale: Locale, key: PortalFormStringKey): string {
  return strings[key][locale];
}
