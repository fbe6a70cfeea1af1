// The made-up people of the demo agencies: citizens who file, and what they file about. Names,
// addresses and numbers look real but belong to nobody (the ID numbers follow Circular
// 07/2016/TT-BCA: birth-province code, century-and-sex digit, year of birth, six digits).

export interface DemoCitizen {
  fullName: string;
  /** 12-digit personal identification number (CCCD). */
  citizenId: string;
  birthDate: string;
  phone: string;
  address: { commune: string; street: string };
}

export interface DemoBirth {
  /** Index of the parent among the tenant's citizens, who files the registration. */
  declarant: number;
  child: string;
  sex: 'male' | 'female';
  mother: string;
  father: string;
}

export interface DemoTenantPeople {
  slug: string;
  /** Province code of the addresses (Decision 19/2025/QĐ-TTg). */
  province: string;
  citizens: readonly DemoCitizen[];
  hospital: string;
  births: readonly [DemoBirth, DemoBirth];
  businesses: readonly [string, string, string];
  /** A home the citizens move into, a building site and a rented room. */
  places: { newHome: DemoCitizen['address']; site: DemoCitizen['address']; rented: DemoCitizen['address'] };
  /** Household head or landlord, who consents to a residence registration. */
  ownerCitizenId: string;
}

export const citizenEmail = (slug: string, index: number) => `cong-dan-${index + 1}@${slug}.demo.motcua.vn`;

const daNang: DemoTenantPeople = {
  slug: 'da-nang',
  province: '48',
  citizens: [
    {
      fullName: 'Nguyễn Văn Hùng',
      citizenId: '048086003517',
      birthDate: '1986-04-12',
      phone: '0905 214 386',
      address: { commune: 'Phường Hải Châu', street: '25 Lê Lợi' },
    },
    {
      fullName: 'Trần Thị Mai Anh',
      citizenId: '048192001264',
      birthDate: '1992-09-03',
      phone: '0935 618 042',
      address: { commune: 'Phường Thanh Khê', street: 'K82/14 Hà Huy Tập' },
    },
    {
      fullName: 'Lê Quang Vinh',
      citizenId: '049079005821',
      birthDate: '1979-01-27',
      phone: '0914 372 509',
      address: { commune: 'Phường Sơn Trà', street: '118 Ngô Quyền' },
    },
    {
      fullName: 'Phạm Thị Thu Hà',
      citizenId: '048195007733',
      birthDate: '1995-11-18',
      phone: '0978 430 215',
      address: { commune: 'Phường Ngũ Hành Sơn', street: '47 Lê Văn Hiến' },
    },
    {
      fullName: 'Hồ Đức Thắng',
      citizenId: '048201002486',
      birthDate: '2001-06-09',
      phone: '0389 561 740',
      address: { commune: 'Phường Cẩm Lệ', street: '203 Ông Ích Đường' },
    },
  ],
  hospital: 'Bệnh viện Phụ sản - Nhi Đà Nẵng',
  births: [
    {
      declarant: 0,
      child: 'Nguyễn Minh Khôi',
      sex: 'male',
      mother: 'Lê Thị Thanh Tâm',
      father: 'Nguyễn Văn Hùng',
    },
    {
      declarant: 1,
      child: 'Nguyễn Trần Bảo An',
      sex: 'female',
      mother: 'Trần Thị Mai Anh',
      father: 'Nguyễn Đức Huy',
    },
  ],
  businesses: ['Hộ kinh doanh Cà phê Gió Biển', 'Hộ kinh doanh Bánh mì Bà Lan', 'Hộ kinh doanh Sửa xe Thắng'],
  places: {
    newHome: { commune: 'Phường Hòa Cường', street: '56 Núi Thành' },
    site: { commune: 'Phường Liên Chiểu', street: 'Lô 34 khu dân cư Hòa Minh 5' },
    rented: { commune: 'Phường An Hải', street: '9 Phạm Văn Đồng, phòng 302' },
  },
  ownerCitizenId: '048072000915',
};

const haNoi: DemoTenantPeople = {
  slug: 'bo-tu-phap',
  province: '01',
  citizens: [
    {
      fullName: 'Đỗ Minh Tuấn',
      citizenId: '001088004215',
      birthDate: '1988-02-21',
      phone: '0912 408 336',
      address: { commune: 'Phường Ba Đình', street: '14 Phan Đình Phùng' },
    },
    {
      fullName: 'Nguyễn Thị Lan Hương',
      citizenId: '001190002731',
      birthDate: '1990-07-15',
      phone: '0983 275 114',
      address: { commune: 'Phường Cầu Giấy', street: '102 Trần Duy Hưng' },
    },
    {
      fullName: 'Vũ Hoàng Long',
      citizenId: '034075006102',
      birthDate: '1975-12-02',
      phone: '0904 661 829',
      address: { commune: 'Phường Hoàn Kiếm', street: '36 Hàng Bạc' },
    },
    {
      fullName: 'Bùi Thị Ngọc Ánh',
      citizenId: '001198005390',
      birthDate: '1998-03-30',
      phone: '0366 812 457',
      address: { commune: 'Phường Đống Đa', street: 'Số 8 ngõ 54 Nguyễn Chí Thanh' },
    },
    {
      fullName: 'Đặng Quốc Khánh',
      citizenId: '038083001946',
      birthDate: '1983-10-11',
      phone: '0868 157 203',
      address: { commune: 'Phường Hai Bà Trưng', street: '71 Bà Triệu' },
    },
  ],
  hospital: 'Bệnh viện Phụ sản Hà Nội',
  births: [
    {
      declarant: 0,
      child: 'Đỗ Gia Bảo',
      sex: 'male',
      mother: 'Phan Thị Hồng Nhung',
      father: 'Đỗ Minh Tuấn',
    },
    {
      declarant: 1,
      child: 'Trịnh Khánh Linh',
      sex: 'female',
      mother: 'Nguyễn Thị Lan Hương',
      father: 'Trịnh Văn Nam',
    },
  ],
  businesses: [
    'Hộ kinh doanh Phở Gia Truyền Bát Đàn',
    'Hộ kinh doanh Tạp hóa Minh Anh',
    'Hộ kinh doanh In ấn Long Vũ',
  ],
  places: {
    newHome: { commune: 'Phường Tây Hồ', street: '19 Xuân Diệu' },
    site: { commune: 'Phường Long Biên', street: 'Thửa 347, tổ 12 Thạch Bàn' },
    rented: { commune: 'Phường Hà Đông', street: '5 Quang Trung, phòng 506' },
  },
  ownerCitizenId: '001065003384',
};

export const demoPeople: Readonly<Record<string, DemoTenantPeople>> = {
  'bo-tu-phap': haNoi,
  'da-nang': daNang,
};
