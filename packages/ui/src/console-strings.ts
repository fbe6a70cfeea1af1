// Interface strings of the agency admin's console pages (staff, API keys, audit trail,
// accepting an invitation, TOTP enrolment), Vietnamese first.
import type { Locale } from './i18n.ts';

const consoleStrings = {
  consoleTitle: { vi: 'Bảng điều khiển của cơ quan', en: 'Agency console' },
  consoleIntro: {
    vi: 'Quản lý cán bộ, khoá API và nhật ký kiểm toán của cơ quan.',
    en: 'Manage the agency’s staff, API keys and audit trail.',
  },
  signedInAs: { vi: 'Đăng nhập với tên', en: 'Signed in as' },
  staffTitle: { vi: 'Cán bộ', en: 'Staff' },
  staffIntro: {
    vi: 'Mời cán bộ mới, đổi vai trò hoặc khoá tài khoản.',
    en: 'Invite new staff, change roles or disable accounts.',
  },
  apiKeysTitle: { vi: 'Khoá API', en: 'API keys' },
  apiKeysIntro: {
    vi: 'Khoá API cho phép hệ thống khác kết nối với cơ quan.',
    en: 'API keys let other systems connect to the agency.',
  },
  auditTitle: { vi: 'Nhật ký kiểm toán', en: 'Audit trail' },
  auditIntro: {
    vi: 'Mọi thao tác quan trọng, mới nhất trước.',
    en: 'Every significant action, newest first.',
  },
  backToConsole: { vi: 'Về bảng điều khiển', en: 'Back to the console' },
  name: { vi: 'Họ và tên', en: 'Name' },
  email: { vi: 'Địa chỉ email', en: 'Email address' },
  role: { vi: 'Vai trò', en: 'Role' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  unitFor: { vi: 'Đơn vị của', en: 'Unit of' },
  wholeAgency: { vi: 'Toàn cơ quan', en: 'Whole agency' },
  unitHint: {
    vi: 'Giới hạn người này trong hồ sơ của một đơn vị, hoặc để “Toàn cơ quan”.',
    en: 'Limit this person to one unit’s dossiers, or leave “Whole agency”.',
  },
  status: { vi: 'Trạng thái', en: 'Status' },
  change: { vi: 'Thay đổi', en: 'Change' },
  save: { vi: 'Lưu', en: 'Save' },
  none: { vi: 'Không có', en: 'None' },
  statusInvited: { vi: 'Đã mời', en: 'Invited' },
  statusActive: { vi: 'Đang hoạt động', en: 'Active' },
  statusDisabled: { vi: 'Đã khoá', en: 'Disabled' },
  roleFor: { vi: 'Vai trò của', en: 'Role of' },
  statusFor: { vi: 'Trạng thái của', en: 'Status of' },
  noStaff: { vi: 'Chưa có cán bộ nào.', en: 'No staff yet.' },
  inviteTitle: { vi: 'Mời cán bộ', en: 'Invite a staff member' },
  inviteHint: {
    vi: 'Người được mời sẽ nhận email có liên kết để đặt mật khẩu, dùng được một lần trong 7 ngày.',
    en: 'They will get an email with a link to choose a password, which works once within 7 days.',
  },
  inviteButton: { vi: 'Gửi lời mời', en: 'Send the invitation' },
  invited: { vi: 'Đã gửi lời mời tới', en: 'Invitation sent to' },
  changed: { vi: 'Đã lưu thay đổi.', en: 'The change is saved.' },
  keyName: { vi: 'Tên khoá', en: 'Key name' },
  keyNameHint: {
    vi: 'Để nhận ra khoá này, ví dụ: Đồng bộ Cổng DVC quốc gia',
    en: 'To recognise the key, for example: National portal sync',
  },
  keyPrefix: { vi: 'Tiền tố', en: 'Prefix' },
  keyMode: { vi: 'Chế độ', en: 'Mode' },
  modeLive: { vi: 'Thật (live)', en: 'Live' },
  modeTest: { vi: 'Thử nghiệm (test)', en: 'Test' },
  keyPermissions: { vi: 'Quyền', en: 'Permissions' },
  keyCreated: { vi: 'Ngày tạo', en: 'Created' },
  keyLastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
  keyRevoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  keyActive: { vi: 'Đang dùng', en: 'In use' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  noKeys: { vi: 'Chưa có khoá API nào.', en: 'No API keys yet.' },
  createKeyTitle: { vi: 'Tạo khoá API', en: 'Create an API key' },
  createKeyButton: { vi: 'Tạo khoá', en: 'Create the key' },
  newKeyTitle: { vi: 'Khoá API mới', en: 'Your new API key' },
  newKeyWarning: {
    vi: 'Hãy sao chép khoá này ngay. Khoá chỉ hiển thị một lần; sau khi rời trang này bạn không thể xem lại.',
    en: 'Copy this key now. It is shown only once; after you leave this page you cannot see it again.',
  },
  newKeyLabel: { vi: 'Khoá', en: 'Key' },
  keyRevokedNotice: { vi: 'Đã thu hồi khoá.', en: 'The key is revoked.' },
  auditAt: { vi: 'Thời điểm', en: 'Time' },
  auditActor: { vi: 'Người thực hiện', en: 'Actor' },
  auditAction: { vi: 'Thao tác', en: 'Action' },
  auditSubject: { vi: 'Đối tượng', en: 'Subject' },
  auditEmpty: { vi: 'Nhật ký trống.', en: 'The trail is empty.' },
  olderEntries: { vi: 'Các mục cũ hơn', en: 'Older entries' },
  newestEntries: { vi: 'Các mục mới nhất', en: 'Newest entries' },
  checkChainTitle: { vi: 'Kiểm tra tính toàn vẹn', en: 'Check integrity' },
  checkChainHint: {
    vi: 'Kiểm tra chuỗi băm của toàn bộ nhật ký để phát hiện sửa đổi.',
    en: 'Check the hash chain of the whole trail to detect tampering.',
  },
  checkChainButton: { vi: 'Kiểm tra chuỗi', en: 'Check the chain' },
  chainIntact: {
    vi: 'Chuỗi nguyên vẹn (intact): không dòng nào bị sửa. Số dòng đã kiểm tra:',
    en: 'The chain is intact: no row was changed. Rows checked:',
  },
  chainBroken: {
    vi: 'Chuỗi bị phá vỡ. Dòng hỏng đầu tiên:',
    en: 'The chain is broken. First broken row:',
  },
  reasonContent: { vi: 'nội dung đã bị sửa', en: 'its content was changed' },
  reasonLink: { vi: 'liên kết với dòng trước bị đứt', en: 'its link to the previous row is broken' },
  forbiddenTitle: { vi: 'Bạn không có quyền xem trang này', en: 'You do not have access to this page' },
  forbiddenBody: {
    vi: 'Vai trò của bạn không có quyền này. Hãy liên hệ quản trị của cơ quan nếu bạn cần.',
    en: 'Your role does not include this. Contact your agency administrator if you need it.',
  },
  acceptTitle: { vi: 'Nhận lời mời', en: 'Accept your invitation' },
  acceptIntro: {
    vi: 'Chọn mật khẩu cho tài khoản cán bộ của bạn.',
    en: 'Choose a password for your staff account.',
  },
  acceptButton: { vi: 'Đặt mật khẩu', en: 'Set the password' },
  acceptDoneTitle: { vi: 'Tài khoản đã sẵn sàng', en: 'Your account is ready' },
  acceptDoneBody: {
    vi: 'Bạn đã đặt mật khẩu. Bây giờ hãy đăng nhập.',
    en: 'Your password is set. You can now sign in.',
  },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  errInvitation: {
    vi: 'Liên kết mời không hợp lệ, đã dùng hoặc đã hết hạn. Hãy đề nghị quản trị gửi lời mời mới.',
    en: 'This invitation link is invalid, already used or expired. Ask your administrator for a new one.',
  },
  enrolTitle: { vi: 'Thiết lập ứng dụng xác thực', en: 'Set up your authenticator app' },
  enrolIntro: {
    vi: 'Tài khoản quản trị phải dùng mã xác thực hai lớp. Thêm tài khoản vào ứng dụng xác thực bằng địa chỉ hoặc khoá bí mật dưới đây.',
    en: 'Administrator accounts must use two-step verification. Add the account to your authenticator app with the address or secret below.',
  },
  enrolUri: { vi: 'Địa chỉ otpauth', en: 'otpauth address' },
  enrolSecret: { vi: 'Khoá bí mật (nhập thủ công)', en: 'Secret key (to type in)' },
  enrolConfirmTitle: { vi: 'Xác nhận', en: 'Confirm' },
  enrolButton: { vi: 'Xác nhận và tiếp tục', en: 'Confirm and continue' },
  enrolDone: {
    vi: 'Đã thiết lập ứng dụng xác thực.',
    en: 'Your authenticator app is set up.',
  },
  errEmail: {
    vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn',
    en: 'Enter an email address in the right format, like name@example.vn',
  },
  errEmailTaken: {
    vi: 'Đã có cán bộ dùng địa chỉ email này',
    en: 'Someone on the staff already has this email address',
  },
  errFullName: { vi: 'Nhập họ và tên (1 đến 200 ký tự)', en: 'Enter the full name (1 to 200 characters)' },
  errRole: { vi: 'Chọn một vai trò', en: 'Choose a role' },
  errUnit: { vi: 'Chọn một đơn vị đang hoạt động', en: 'Choose a unit that is still in use' },
  errKeyName: { vi: 'Đặt tên cho khoá (1 đến 100 ký tự)', en: 'Name the key (1 to 100 characters)' },
  errKeyMode: { vi: 'Chọn chế độ của khoá', en: 'Choose the key’s mode' },
  errKeyPermissions: { vi: 'Chọn ít nhất một quyền', en: 'Choose at least one permission' },
  errSelfChange: {
    vi: 'Bạn không thể tự hạ quyền hoặc tự khoá mình; hãy nhờ quản trị khác.',
    en: 'You cannot demote or disable yourself; ask another administrator.',
  },
  errLastAdmin: {
    vi: 'Đây là quản trị cuối cùng đang hoạt động; hãy chỉ định quản trị khác trước.',
    en: 'This is the last active administrator; make someone else an administrator first.',
  },
  errNotInvited: {
    vi: 'Không thể thay đổi trạng thái này',
    en: 'This status cannot be changed this way',
  },
  errAlreadyEnrolled: {
    vi: 'Tài khoản đã có ứng dụng xác thực.',
    en: 'An authenticator app is already set up.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type ConsoleStringKey = keyof typeof consoleStrings;

export function consoleText(locale: Locale, key: ConsoleStringKey): string {
  return consoleStrings[key][locale];
}
