// Data shapes shared by every printable form of the one-stop shop (Circular 03/2025/TT-VPCP, appendix I).

export type Locale = 'vi' | 'en';

export interface RenderOptions {
  /** Labels only: names, addresses and free text print exactly as given. */
  locale: Locale;
}

export interface AgencyInfo {
  /** The agency (tenant), e.g. "Ủy ban nhân dân thành phố Đà Nẵng". */
  name: string;
  /** The issuing unit inside it, e.g. "Trung tâm Phục vụ hành chính công". */
  unitName?: string;
  /** City or province printed on the date line. */
  place: string;
}

export interface DossierInfo {
  code: string;
  procedureName: string;
  applicantName: string;
  applicantAddress?: string;
  applicantPhone?: string;
  applicantEmail?: string;
}

export interface FormBase {
  agency: AgencyInfo;
  dossier: DossierInfo;
  /** Printed on the date line and stored as the PDF creation date, so a re-render is byte-identical. */
  issuedAt: Date;
}
