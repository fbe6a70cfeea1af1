// Interface strings, Vietnamese first. Every page renders in the language of the request.
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

const strings = {
  skipToContent: { vi: 'Chuyển đến nội dung chính', en: 'Skip to main content' },
  pagination: { vi: 'Phân trang', en: 'Pages' },
  previousPage: { vi: 'Trang trước', en: 'Previous page' },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  pageOf: { vi: 'Trang {page} trên {count}', en: 'Page {page} of {count}' },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  platformName: { vi: 'Motcua — Dịch vụ công trực tuyến', en: 'Motcua — Online public services' },
  notFoundTitle: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  notFoundBody: {
    vi: 'Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.',
    en: 'The address you opened does not exist or has moved.',
  },
  unknownTenantTitle: { vi: 'Không tìm thấy cơ quan', en: 'Agency not found' },
  unknownTenantBody: {
    vi: 'Không có cổng dịch vụ công nào ở địa chỉ này. Hãy kiểm tra lại địa chỉ.',
    en: 'There is no public-service portal at this address. Please check the address.',
  },
  suspendedTitle: { vi: 'Cổng dịch vụ công đang tạm ngừng', en: 'This portal is temporarily suspended' },
  suspendedStaff: {
    vi: 'Cơ quan đang tạm ngừng sử dụng dịch vụ. Cán bộ không thể xử lý hồ sơ cho đến khi dịch vụ được khôi phục; hãy liên hệ quản trị của cơ quan.',
    en: 'The agency’s service is suspended. Staff cannot process dossiers until it is restored; please contact your agency administrator.',
  },
  suspendedCitizen: {
    vi: 'Bạn chưa thể nộp hồ sơ mới. Bạn vẫn có thể tra cứu tình trạng hồ sơ đã nộp.',
    en: 'New dossiers cannot be submitted for now. You can still track dossiers you have already filed.',
  },
  trackDossier: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  register: { vi: 'Đăng ký tài khoản', en: 'Create an account' },
  errorTitle: { vi: 'Đã có lỗi xảy ra', en: 'Something went wrong' },
  errorBody: {
    vi: 'Yêu cầu chưa được xử lý. Vui lòng thử lại sau ít phút. Mã yêu cầu:',
    en: 'Your request was not completed. Please try again in a few minutes. Request id:',
  },
  portalWelcome: { vi: 'Cổng dịch vụ công', en: 'Public-service portal' },
  portalIntro: {
    vi: 'Tìm thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả.',
    en: 'Find a procedure, file a dossier online and follow its progress.',
  },
  landingTitle: { vi: 'Chào mừng đến Motcua', en: 'Welcome to Motcua' },
  landingIntro: {
    vi: 'Motcua cung cấp cổng dịch vụ công và hệ thống một cửa điện tử cho các bộ, ngành và địa phương.',
    en: 'Motcua runs the public-service portal and electronic one-stop shop for ministries and provinces.',
  },
  landingCitizens: { vi: 'Người dân và doanh nghiệp', en: 'Citizens and businesses' },
  landingCitizensBody: {
    vi: 'Mở cổng dịch vụ công của cơ quan bạn cần:',
    en: 'Open the portal of the agency you need:',
  },
  landingStaff: { vi: 'Cán bộ, công chức', en: 'Agency staff' },
  landingStaffBody: {
    vi: 'Đăng nhập tại cổng của cơ quan mình (/sign-in), bằng mật khẩu và mã xác thực với tài khoản quản trị.',
    en: 'Sign in on your agency’s portal (/sign-in); administrators also enter an authenticator code.',
  },
  landingOperators: { vi: 'Nhà cung cấp dịch vụ', en: 'Platform operators' },
  landingOperatorsBody: {
    vi: 'Đăng nhập bảng điều khiển vận hành để tiếp nhận cơ quan mới và theo dõi toàn bộ hệ thống. API vận hành tại /api/ops, tài liệu API tại',
    en: 'Sign in to the operator console to onboard agencies and run the fleet. The operations API lives under /api/ops; API reference at',
  },
  landingOperatorsSignIn: { vi: 'Đăng nhập vận hành', en: 'Operator sign-in' },
  noTenants: { vi: 'Chưa có cơ quan nào.', en: 'No agencies yet.' },
} satisfies Record<string, Record<Locale, string>>;

export type StringKey = keyof typeof strings;

export function t(locale: Locale, key: StringKey): string {
  return strings[key][locale];
}

/** Picks the page language: `?lang=` first, then Accept-Language, Vietnamese by default. */
export function pickLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (query === 'en' || query === 'vi') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
