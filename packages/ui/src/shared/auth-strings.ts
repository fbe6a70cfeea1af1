// Interface strings of the sign-in, registration, password-reset and account pages, Vietnamese
// first. Kept apart from i18n.ts so that these pages can grow without touching the shared table.
import type { Locale } from './i18n.ts';

const authStrings = {
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Đăng nhập bằng địa chỉ email hoặc số điện thoại di động đã đăng ký, và mật khẩu của bạn.',
    en: 'Sign in with the email address or mobile number you registered, and your password.',
  },
  email: { vi: 'Địa chỉ email', en: 'Email address' },
  emailOrPhone: { vi: 'Email hoặc số điện thoại di động', en: 'Email address or mobile number' },
  phone: { vi: 'Số điện thoại di động', en: 'Mobile number' },
  contactHint: {
    vi: 'Nhập email, số điện thoại di động, hoặc cả hai. Bạn sẽ dùng một trong hai để đăng nhập.',
    en: 'Give an email address, a mobile number, or both. You will sign in with either.',
  },
  password: { vi: 'Mật khẩu', en: 'Password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  passwordHint: {
    vi: 'Ít nhất 10 ký tự. Không dùng tên hoặc địa chỉ email của bạn.',
    en: 'At least 10 characters. Do not use your name or email address.',
  },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  signInButton: { vi: 'Đăng nhập', en: 'Sign in' },
  noAccount: { vi: 'Chưa có tài khoản? Đăng ký', en: 'No account yet? Register' },
  forgotPassword: { vi: 'Quên mật khẩu?', en: 'Forgotten your password?' },
  registered: {
    vi: 'Đã ghi nhận đăng ký. Bây giờ bạn có thể đăng nhập.',
    en: 'Your registration is recorded. You can now sign in.',
  },
  totpTitle: { vi: 'Nhập mã xác thực', en: 'Enter your verification code' },
  totpLabel: { vi: 'Mã 6 chữ số', en: '6-digit code' },
  totpHint: {
    vi: 'Mở ứng dụng xác thực trên điện thoại và nhập mã đang hiển thị.',
    en: 'Open the authenticator app on your phone and enter the code it shows.',
  },
  continue: { vi: 'Tiếp tục', en: 'Continue' },
  registerTitle: { vi: 'Đăng ký tài khoản', en: 'Create an account' },
  registerButton: { vi: 'Đăng ký', en: 'Register' },
  consentHeading: { vi: 'Dữ liệu cá nhân của bạn', en: 'Your personal data' },
  consentText: {
    vi: 'Cơ quan chỉ dùng họ tên và email của bạn để quản lý tài khoản và xử lý hồ sơ bạn nộp. Dữ liệu không được bán hay chia sẻ cho mục đích khác. Bạn có thể yêu cầu xem, sửa hoặc xoá dữ liệu bất cứ lúc nào.',
    en: 'The agency uses your name and email only to run your account and handle the dossiers you file. Your data is not sold or shared for anything else. You can ask to see, correct or delete it at any time.',
  },
  consentLabel: {
    vi: 'Tôi đồng ý cho cơ quan xử lý dữ liệu cá nhân của tôi như trên.',
    en: 'I agree to the agency processing my personal data as described above.',
  },
  resetTitle: { vi: 'Đặt lại mật khẩu', en: 'Reset your password' },
  resetIntro: {
    vi: 'Nhập địa chỉ email của tài khoản. Chúng tôi sẽ gửi cho bạn một đường liên kết để đặt mật khẩu mới.',
    en: 'Enter the email address of your account. We will send you a link to choose a new password.',
  },
  resetSendButton: { vi: 'Gửi liên kết', en: 'Send the link' },
  resetSentTitle: { vi: 'Hãy kiểm tra hộp thư', en: 'Check your email' },
  resetSentBody: {
    vi: 'Nếu địa chỉ này có tài khoản, chúng tôi đã gửi một đường liên kết đặt lại mật khẩu. Liên kết có hiệu lực trong 30 phút và chỉ dùng được một lần.',
    en: 'If this address has an account, we have sent it a password reset link. The link works for 30 minutes and only once.',
  },
  resetNewTitle: { vi: 'Chọn mật khẩu mới', en: 'Choose a new password' },
  resetSaveButton: { vi: 'Lưu mật khẩu', en: 'Save the password' },
  resetDoneTitle: { vi: 'Đã đổi mật khẩu', en: 'Your password is changed' },
  resetDoneBody: {
    vi: 'Mọi phiên đăng nhập cũ đã kết thúc. Hãy đăng nhập bằng mật khẩu mới.',
    en: 'Every earlier session has ended. Sign in with your new password.',
  },
  accountTitle: { vi: 'Tài khoản của bạn', en: 'Your account' },
  accountNextStaff: { vi: 'Vào trang quản lý hồ sơ của cơ quan', en: 'Go to the agency console' },
  accountNextCitizen: { vi: 'Xem hồ sơ của tôi', en: 'See my dossiers' },
  name: { vi: 'Họ và tên', en: 'Name' },
  kind: { vi: 'Loại tài khoản', en: 'Account type' },
  role: { vi: 'Vai trò', en: 'Role' },
  kindStaff: { vi: 'Cán bộ', en: 'Staff' },
  kindCitizen: { vi: 'Người dân', en: 'Citizen' },
  signOutButton: { vi: 'Đăng xuất', en: 'Sign out' },
  errorSummaryTitle: { vi: 'Có lỗi cần sửa', en: 'There is a problem' },
  errorPrefix: { vi: 'Lỗi:', en: 'Error:' },
  errEmail: {
    vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn',
    en: 'Enter an email address in the right format, like name@example.vn',
  },
  errPhone: {
    vi: 'Nhập số điện thoại di động Việt Nam gồm 10 chữ số, ví dụ 0912 345 678',
    en: 'Enter a Vietnamese mobile number of 10 digits, like 0912 345 678',
  },
  errEmailOrPhone: {
    vi: 'Nhập email đúng dạng hoặc số điện thoại di động, ví dụ ten@example.vn hoặc 0912 345 678',
    en: 'Enter an email address or a mobile number, like name@example.vn or 0912 345 678',
  },
  errPasswordMissing: { vi: 'Nhập mật khẩu', en: 'Enter your password' },
  errWrongCredentials: {
    vi: 'Địa chỉ email hoặc mật khẩu không đúng.',
    en: 'The email address or password is incorrect.',
  },
  errFullName: { vi: 'Nhập họ và tên (2 đến 200 ký tự)', en: 'Enter your full name (2 to 200 characters)' },
  errConsent: {
    vi: 'Đánh dấu ô đồng ý để đăng ký',
    en: 'Tick the box to agree to the processing of your personal data',
  },
  errCode: { vi: 'Nhập mã gồm 6 chữ số', en: 'Enter the 6-digit code' },
  errWrongCode: { vi: 'Mã không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
  errNotEnrolled: {
    vi: 'Tài khoản chưa đăng ký ứng dụng xác thực. Hãy liên hệ quản trị của cơ quan.',
    en: 'This account has no authenticator app yet. Please contact your agency administrator.',
  },
  errTooMany: {
    vi: 'Bạn đã thử quá nhiều lần. Hãy đợi một lúc rồi thử lại.',
    en: 'Too many attempts. Wait a while and try again.',
  },
  errResetLink: {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu liên kết mới.',
    en: 'This password reset link is invalid, already used or expired. Ask for a new one.',
  },
  errInvalid: { vi: 'Thông tin chưa hợp lệ', en: 'This value is not valid' },
  pwTooShort: { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'Use at least 10 characters' },
  pwTooLong: { vi: 'Mật khẩu có tối đa 128 ký tự', en: 'Use at most 128 characters' },
  pwCommon: {
    vi: 'Mật khẩu này quá phổ biến; hãy chọn mật khẩu khó đoán hơn',
    en: 'This password is too common; choose one that is harder to guess',
  },
  pwContainsEmail: {
    vi: 'Không dùng địa chỉ email trong mật khẩu',
    en: 'Do not use your email address in your password',
  },
  pwContainsName: {
    vi: 'Không dùng tên của bạn trong mật khẩu',
    en: 'Do not use your name in your password',
  },
} satisfies Record<string, Record<Locale, string>>;

export type AuthStringKey = keyof typeof authStrings;

export function authText(locale: Locale, key: AuthStringKey): string {
  return authStrings[key][locale];
}

const roleNames: Record<string, Record<Locale, string>> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  reception: { vi: 'Tiếp nhận', en: 'Reception' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  approver: { vi: 'Phê duyệt', en: 'Approver' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  viewer: { vi: 'Xem', en: 'Viewer' },
};

export function roleName(locale: Locale, role: string): string {
  return roleNames[role]?.[locale] ?? role;
}

const passwordProblems: Record<string, AuthStringKey> = {
  too_short: 'pwTooShort',
  too_long: 'pwTooLong',
  common: 'pwCommon',
  contains_email: 'pwContainsEmail',
  contains_name: 'pwContainsName',
};

/** A password-policy problem (the `code` of `checkPassword`) in the page's language. */
export function passwordProblemText(locale: Locale, code: string): string {
  return authText(locale, passwordProblems[code] ?? 'errInvalid');
}
