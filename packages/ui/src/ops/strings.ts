// Interface strings of the operator console (platform host), Vietnamese first.
import type { Locale } from '../shared/i18n.ts';

const opsStrings = {
  siteName: { vi: 'Motcua — Vận hành nền tảng', en: 'Motcua — Platform operations' },
  navLabel: { vi: 'Điều hướng vận hành', en: 'Operations navigation' },
  navTenants: { vi: 'Danh sách cơ quan', en: 'Agencies' },
  navNewTenant: { vi: 'Thêm cơ quan', en: 'Onboard an agency' },
  signedInAs: { vi: 'Đăng nhập với tên', en: 'Signed in as' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  signInTitle: { vi: 'Đăng nhập vận hành', en: 'Operator sign-in' },
  signInIntro: {
    vi: 'Dành cho nhân viên nhà cung cấp dịch vụ. Sau mật khẩu, bạn cần nhập mã từ ứng dụng xác thực.',
    en: 'For the platform vendor’s staff. After your password you enter a code from your authenticator app.',
  },
  enrolTitle: { vi: 'Thiết lập ứng dụng xác thực', en: 'Set up your authenticator app' },
  enrolIntro: {
    vi: 'Tài khoản vận hành bắt buộc có mã xác thực. Thêm khoá bí mật dưới đây vào ứng dụng xác thực (ví dụ Google Authenticator), rồi nhập mã 6 chữ số mà ứng dụng hiển thị.',
    en: 'Operator accounts must use a second factor. Add the secret below to an authenticator app (for example Google Authenticator), then enter the 6-digit code it shows.',
  },
  enrolUri: { vi: 'Địa chỉ otpauth (để tạo mã QR)', en: 'otpauth address (for a QR code)' },
  enrolSecret: { vi: 'Khoá bí mật', en: 'Secret key' },
  enrolButton: { vi: 'Xác nhận và đăng nhập', en: 'Confirm and sign in' },
  forbiddenTitle: { vi: 'Bạn không có quyền thực hiện việc này', en: 'You are not allowed to do this' },
  forbiddenBody: {
    vi: 'Vai trò của bạn chỉ được xem thông tin cơ quan, không được thay đổi. Hãy liên hệ chủ sở hữu nền tảng nếu cần.',
    en: 'Your role may view agencies but not change them. Ask the platform owner if you need to.',
  },
  listTitle: { vi: 'Các cơ quan trên nền tảng', en: 'Agencies on the platform' },
  listIntro: {
    vi: 'Mỗi cơ quan (bộ, ngành hoặc tỉnh, thành phố) có cổng dịch vụ công và dữ liệu riêng.',
    en: 'Each agency (a ministry or a province) has its own portal and its own isolated data.',
  },
  noTenants: { vi: 'Chưa có cơ quan nào.', en: 'No agencies yet.' },
  colName: { vi: 'Tên cơ quan', en: 'Agency' },
  colSlug: { vi: 'Mã định danh', en: 'Slug' },
  colKind: { vi: 'Loại', en: 'Kind' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colSchema: { vi: 'Phiên bản dữ liệu', en: 'Schema version' },
  colCreated: { vi: 'Ngày tạo', en: 'Created' },
  colUsage: { vi: 'Mức sử dụng', en: 'Usage' },
  usageTitle: { vi: 'Mức sử dụng', en: 'Usage' },
  usageNotMeasured: { vi: 'Chưa có số liệu đo', en: 'Not measured yet' },
  usageReceivedIn: { vi: 'hồ sơ tiếp nhận trong', en: 'dossiers received in' },
  usageReceivedOneIn: { vi: 'hồ sơ tiếp nhận trong', en: 'dossier received in' },
  usageSeats: { vi: 'cán bộ đang hoạt động', en: 'staff seats' },
  usageSeatsOne: { vi: 'cán bộ đang hoạt động', en: 'staff seat' },
  usageStored: { vi: 'dung lượng tệp', en: 'of files stored' },
  usageMonthReceived: { vi: 'Hồ sơ tiếp nhận trong', en: 'Dossiers received in' },
  usageStaffSeats: { vi: 'Cán bộ đang hoạt động', en: 'Staff seats (active staff)' },
  usageStorage: { vi: 'Dung lượng tệp đã lưu', en: 'Files stored' },
  usageMeasuredAt: { vi: 'Số liệu đo lúc', en: 'Last measured' },
  usageNote: {
    vi: 'Số liệu được đo tự động nhiều lần mỗi ngày; hồ sơ được tính theo ngày tiếp nhận (giờ Việt Nam).',
    en: 'Measured automatically several times a day; dossiers count on the day they were received (Vietnam time).',
  },
  schemaBehind: { vi: 'chưa cập nhật', en: 'behind' },
  pageOf: { vi: 'Trang', en: 'Page' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
  kindMinistry: { vi: 'Bộ, ngành', en: 'Ministry' },
  kindProvince: { vi: 'Tỉnh, thành phố', en: 'Province' },
  statusProvisioning: { vi: 'Đang khởi tạo', en: 'Provisioning' },
  statusActive: { vi: 'Đang hoạt động', en: 'Active' },
  statusSuspended: { vi: 'Tạm ngừng', en: 'Suspended' },
  statusOffboarding: { vi: 'Đang chấm dứt', en: 'Offboarding' },
  statusOffboarded: { vi: 'Đã chấm dứt', en: 'Offboarded' },
  stepPending: { vi: 'Chờ', en: 'Waiting' },
  stepRunning: { vi: 'Đang chạy', en: 'Running' },
  stepDone: { vi: 'Xong', en: 'Done' },
  stepFailed: { vi: 'Lỗi', en: 'Failed' },
  newTitle: { vi: 'Thêm cơ quan mới', en: 'Onboard an agency' },
  newIntro: {
    vi: 'Nền tảng sẽ tạo dữ liệu riêng, kho lưu trữ và cổng dịch vụ công cho cơ quan, rồi gửi thư mời tới quản trị viên đầu tiên.',
    en: 'The platform creates the agency’s isolated data, storage and portal, then emails an invitation to its first administrator.',
  },
  fieldName: { vi: 'Tên cơ quan', en: 'Agency name' },
  fieldNameHint: { vi: 'Ví dụ: UBND thành phố Huế', en: 'For example: UBND thành phố Huế' },
  fieldSlug: { vi: 'Mã định danh (slug)', en: 'Slug' },
  fieldSlugHint: {
    vi: 'Từ 2 đến 31 ký tự: chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ. Cổng sẽ ở địa chỉ <slug>.',
    en: '2 to 31 characters: lower-case letters, digits and hyphens, starting with a letter. The portal lives at <slug>.',
  },
  fieldKind: { vi: 'Loại cơ quan', en: 'Kind of agency' },
  fieldAdminEmail: { vi: 'Email quản trị viên đầu tiên', en: 'First administrator’s email' },
  fieldAdminEmailHint: {
    vi: 'Người này nhận thư mời để đặt mật khẩu và thiết lập mã xác thực.',
    en: 'This person receives the invitation to set a password and a second factor.',
  },
  createButton: { vi: 'Bắt đầu khởi tạo', en: 'Start provisioning' },
  errName: { vi: 'Nhập tên cơ quan (2 đến 200 ký tự)', en: 'Enter the agency’s name (2 to 200 characters)' },
  errSlug: {
    vi: 'Nhập mã định danh hợp lệ: 2 đến 31 ký tự chữ thường, chữ số, dấu gạch ngang, bắt đầu bằng chữ, không trùng tên dành riêng',
    en: 'Enter a valid slug: 2 to 31 lower-case letters, digits and hyphens, starting with a letter, not a reserved name',
  },
  errSlugTaken: {
    vi: 'Mã định danh này đã được dùng (kể cả bởi cơ quan đã chấm dứt); hãy chọn mã khác',
    en: 'This slug is taken (also by offboarded agencies); choose another',
  },
  errKind: { vi: 'Chọn loại cơ quan', en: 'Choose the kind of agency' },
  errAdminEmail: {
    vi: 'Nhập địa chỉ email của quản trị viên, ví dụ quantri@hue.gov.vn',
    en: 'Enter the administrator’s email address, like quantri@hue.gov.vn',
  },
  detailSummary: { vi: 'Thông tin chung', en: 'Overview' },
  adminEmail: { vi: 'Email quản trị viên đầu tiên', en: 'First administrator’s email' },
  suspendedAt: { vi: 'Tạm ngừng từ', en: 'Suspended since' },
  suspendedReason: { vi: 'Lý do tạm ngừng', en: 'Why it is suspended' },
  suspendReason: { vi: 'Lý do tạm ngừng (không bắt buộc)', en: 'Why (optional)' },
  suspendReasonHint: {
    vi: 'Chỉ người vận hành thấy, ví dụ: chưa thanh toán hợp đồng thuê. Tối đa 500 ký tự.',
    en: 'Seen by operators only, e.g. the rental contract is unpaid. At most 500 characters.',
  },
  errReasonTooLong: { vi: 'Lý do dài quá 500 ký tự', en: 'The reason is longer than 500 characters' },
  portal: { vi: 'Cổng dịch vụ công', en: 'Portal' },
  openPortal: { vi: 'Mở cổng dịch vụ công', en: 'Open the portal' },
  progressProvision: { vi: 'Tiến trình khởi tạo', en: 'Provisioning progress' },
  progressOffboard: { vi: 'Tiến trình chấm dứt', en: 'Offboarding progress' },
  attempt: { vi: 'Lần chạy thứ', en: 'Attempt' },
  refresh: { vi: 'Làm mới trang để xem tiến trình mới nhất', en: 'Refresh the page for the latest progress' },
  runningNote: {
    vi: 'Đang chạy. Trang tự cập nhật từng bước khi trình duyệt cho phép JavaScript.',
    en: 'Running. The page updates step by step when your browser runs JavaScript.',
  },
  provisionDone: {
    vi: 'Khởi tạo xong: cơ quan đã hoạt động.',
    en: 'Provisioning finished: the agency is live.',
  },
  offboardDone: {
    vi: 'Chấm dứt xong: dữ liệu đã được xuất và xoá khỏi nền tảng.',
    en: 'Offboarding finished: the data was exported, then removed from the platform.',
  },
  reloadForStatus: {
    vi: 'Tải lại trang để xem trạng thái và thao tác mới',
    en: 'Reload the page for the new status and actions',
  },
  failedTitle: { vi: 'Tiến trình bị dừng do lỗi', en: 'The run stopped with an error' },
  failedAt: { vi: 'Lỗi ở bước', en: 'Failed at step' },
  failedHelp: {
    vi: 'Các bước đã xong được giữ nguyên. “Thử lại” chạy tiếp từ bước bị lỗi.',
    en: 'Steps already done are kept. “Retry” continues from the failed step.',
  },
  retry: { vi: 'Thử lại', en: 'Retry' },
  noRuns: {
    vi: 'Cơ quan này được tạo ngoài quy trình khởi tạo; không có tiến trình để hiển thị.',
    en: 'This agency was created outside provisioning; there is no run to show.',
  },
  actionsTitle: { vi: 'Thao tác', en: 'Actions' },
  readOnlyNote: {
    vi: 'Vai trò của bạn chỉ được xem; các thao tác thay đổi dành cho chủ sở hữu và vận hành viên.',
    en: 'Your role may only view; changes are for owners and operators.',
  },
  suspendHelp: {
    vi: 'Tạm ngừng: cán bộ không xử lý được hồ sơ và người dân không nộp được hồ sơ mới; dữ liệu được giữ nguyên, tra cứu hồ sơ vẫn hoạt động.',
    en: 'Suspend: staff cannot process dossiers and citizens cannot file new ones; data is kept and tracking still works.',
  },
  suspend: { vi: 'Tạm ngừng cơ quan', en: 'Suspend the agency' },
  resume: { vi: 'Khôi phục hoạt động', en: 'Resume the agency' },
  offboard: { vi: 'Chấm dứt dịch vụ…', en: 'Offboard…' },
  exportDownload: { vi: 'Tải bản xuất dữ liệu (.tar.gz)', en: 'Download the data export (.tar.gz)' },
  noticeCreated: {
    vi: 'Đã bắt đầu khởi tạo. Theo dõi từng bước dưới đây.',
    en: 'Provisioning has started. Follow each step below.',
  },
  noticeSuspended: { vi: 'Đã tạm ngừng cơ quan.', en: 'The agency is suspended.' },
  noticeResumed: { vi: 'Cơ quan đã hoạt động trở lại.', en: 'The agency is active again.' },
  noticeRetried: { vi: 'Đang chạy lại từ bước bị lỗi.', en: 'Running again from the failed step.' },
  noticeOffboarding: {
    vi: 'Đã bắt đầu chấm dứt: dữ liệu được xuất trước khi xoá.',
    en: 'Offboarding has started: the data is exported before anything is removed.',
  },
  errConflict: {
    vi: 'Không thực hiện được vì trạng thái của cơ quan đã thay đổi. Hãy xem lại trạng thái hiện tại.',
    en: 'This could not be done because the agency’s status has changed. Check its current status.',
  },
  noticeInvited: {
    vi: 'Đã gửi lại thư mời cho quản trị viên đầu tiên; liên kết cũ không còn dùng được.',
    en: 'A new invitation is on its way to the first administrator; the old link no longer works.',
  },
  errNotInvited: {
    vi: 'Quản trị viên đầu tiên đã nhận lời mời (hoặc không còn trong danh sách cán bộ): không cần gửi lại.',
    en: 'The first administrator has already accepted (or is no longer on the staff): there is nothing to send again.',
  },
  invitationTitle: { vi: 'Thư mời quản trị viên', en: 'The administrator’s invitation' },
  invitationPending: {
    vi: 'Quản trị viên đầu tiên chưa nhận lời mời. Nếu thư bị thất lạc hoặc liên kết đã hết hạn, hãy gửi lại: liên kết cũ sẽ không còn dùng được.',
    en: 'The first administrator has not accepted yet. If the email was lost or its link has expired, send a new one: the old link stops working.',
  },
  resendInvitation: { vi: 'Gửi lại thư mời', en: 'Send a new invitation' },
  mailTitle: { vi: 'Thư không gửi được', en: 'Emails that could not be delivered' },
  mailNone: { vi: 'Không có thư nào bị bỏ.', en: 'No email has been given up.' },
  mailIntro: {
    vi: 'Thư mà máy chủ thư từ chối hẳn, hoặc vẫn lỗi sau ba ngày thử lại. Không hiển thị địa chỉ hay nội dung.',
    en: 'Emails the mail server refused for good, or that still failed after three days of retries. Addresses and content are not shown.',
  },
  mailRejected: { vi: 'Bị từ chối', en: 'Refused' },
  mailExpired: { vi: 'Hết hạn thử lại', en: 'Gave up after retries' },
  mailKind: { vi: 'Loại thư', en: 'Kind of email' },
  mailReason: { vi: 'Lý do', en: 'Reason' },
  mailCode: { vi: 'Mã SMTP', en: 'SMTP code' },
  mailWhen: { vi: 'Thời điểm', en: 'When' },
  mailLatest: { vi: 'Thư gần nhất', en: 'The latest' },
  errNothingToRetry: {
    vi: 'Không có tiến trình lỗi nào để chạy lại, hoặc tiến trình đang chạy ở nơi khác.',
    en: 'There is no failed run to retry, or it is running elsewhere.',
  },
  offboardTitle: { vi: 'Chấm dứt dịch vụ cho cơ quan', en: 'Offboard an agency' },
  offboardWarning: {
    vi: 'Thao tác này không thể hoàn tác. Nền tảng xuất toàn bộ dữ liệu và tệp của cơ quan thành một tệp lưu trữ, rồi xoá dữ liệu, tài khoản và tệp khỏi nền tảng. Cổng dịch vụ công ngừng hoạt động ngay.',
    en: 'This cannot be undone. The platform exports every record and file of the agency into one archive, then removes its data, accounts and files. The portal stops at once.',
  },
  offboardExportTitle: { vi: 'Bản xuất dữ liệu', en: 'The data export' },
  offboardExportNone: {
    vi: 'Chưa có bản xuất nào. Bản xuất đầy đủ được tạo ở bước đầu tiên của tiến trình chấm dứt và tải được từ trang cơ quan, trước khi bất cứ thứ gì bị xoá.',
    en: 'There is no export yet. A complete export is written by the first offboarding step and can be downloaded from the agency’s page before anything is removed.',
  },
  offboardExportAvailable: {
    vi: 'Đã có bản xuất từ lần chạy trước. Hãy tải về và lưu giữ trước khi tiếp tục.',
    en: 'An export from an earlier run exists. Download and keep it before you continue.',
  },
  fieldConfirm: { vi: 'Nhập mã định danh của cơ quan để xác nhận', en: 'Type the agency’s slug to confirm' },
  fieldConfirmHint: { vi: 'Mã định danh:', en: 'The slug is:' },
  errConfirm: {
    vi: 'Mã định danh nhập vào không khớp; cơ quan chưa bị chấm dứt',
    en: 'The slug you typed does not match; nothing was offboarded',
  },
  offboardButton: { vi: 'Chấm dứt dịch vụ vĩnh viễn', en: 'Offboard permanently' },
  backToTenant: { vi: 'Quay lại trang cơ quan', en: 'Back to the agency' },
  backToList: { vi: 'Về danh sách cơ quan', en: 'Back to the agencies' },
  roleOwner: { vi: 'Chủ sở hữu', en: 'Owner' },
  roleOperator: { vi: 'Vận hành viên', en: 'Operator' },
  roleBilling: { vi: 'Thanh toán', en: 'Billing' },
  roleSupport: { vi: 'Hỗ trợ', en: 'Support' },
} satisfies Record<string, Record<Locale, string>>;

export type OpsStringKey = keyof typeof opsStrings;

export function opsText(locale: Locale, key: OpsStringKey): string {
  return opsStrings[key][locale];
}

const stepNames: Record<string, Record<Locale, string>> = {
  reserve: { vi: 'Giữ mã định danh', en: 'Reserve the slug' },
  schema: { vi: 'Tạo vùng dữ liệu riêng', en: 'Create the isolated schema' },
  migrate: { vi: 'Dựng cấu trúc dữ liệu', en: 'Apply migrations' },
  seed: { vi: 'Nạp dữ liệu ban đầu (thủ tục mẫu)', en: 'Seed the starter data (procedures)' },
  storage: { vi: 'Chuẩn bị kho lưu trữ tệp', en: 'Prepare file storage' },
  infrastructure: { vi: 'Chuẩn bị hạ tầng', en: 'Prepare infrastructure' },
  invite_admin: { vi: 'Mời quản trị viên đầu tiên', en: 'Invite the first administrator' },
  activate: { vi: 'Kích hoạt cổng dịch vụ công', en: 'Activate the portal' },
  export: { vi: 'Xuất toàn bộ dữ liệu', en: 'Export every record and file' },
  drop_schema: { vi: 'Xoá vùng dữ liệu', en: 'Drop the schema' },
  delete_objects: { vi: 'Xoá tệp đã lưu', en: 'Delete stored files' },
  finish: { vi: 'Hoàn tất', en: 'Finish' },
};

/** A run step's name for people; a step this release does not know keeps its own name. */
export function stepLabel(locale: Locale, name: string): string {
  return stepNames[name]?.[locale] ?? name;
}

const stepStatusKeys = {
  pending: 'stepPending',
  running: 'stepRunning',
  done: 'stepDone',
  failed: 'stepFailed',
} as const satisfies Record<string, OpsStringKey>;
export type StepStatusName = keyof typeof stepStatusKeys;

export function stepStatusLabel(locale: Locale, status: StepStatusName): string {
  return opsText(locale, stepStatusKeys[status]);
}

const tenantStatusKeys = {
  provisioning: 'statusProvisioning',
  active: 'statusActive',
  suspended: 'statusSuspended',
  offboarding: 'statusOffboarding',
  offboarded: 'statusOffboarded',
} as const satisfies Record<string, OpsStringKey>;
export type TenantStatusName = keyof typeof tenantStatusKeys;

export function tenantStatusLabel(locale: Locale, status: TenantStatusName): string {
  return opsText(locale, tenantStatusKeys[status]);
}

const operatorRoleKeys: Record<string, OpsStringKey> = {
  owner: 'roleOwner',
  operator: 'roleOperator',
  billing: 'roleBilling',
  support: 'roleSupport',
};

export function operatorRoleLabel(locale: Locale, role: string): string {
  const key = operatorRoleKeys[role];
  return key ? opsText(locale, key) : role;
}
