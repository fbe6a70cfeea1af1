// Reads the PDFs the tests render: their text per page, metadata, and where each run of text sits.
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfText {
  pages: string[];
  /** Every page, whitespace collapsed to single spaces, so wrapped lines read as one. */
  text: string;
  title: string;
  creationDate: string;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function readPdf(buffer: Buffer): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  const { info } = await pdf.getMetadata();
  const record = info as Record<string, unknown>;
  const pages = text.map(collapse);
  return {
    pages,
    text: pages.join(' '),
    title: String(record.Title ?? ''),
    creationDate: String(record.CreationDate ?? ''),
  };
}

export interface TextBox {
  page: number;
  x: number;
  top: number;
  width: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
}

/** Where each run of text sits, in points from the page's top-left corner. */
export async function locateText(buffer: Buffer): Promise<TextBox[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const boxes: TextBox[] = [];
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const proxy = await pdf.getPage(page);
    const [, , pageWidth = 0, pageHeight = 0] = proxy.view;
    const content = await proxy.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const x = Number(item.transform[4]);
      const baseline = Number(item.transform[5]);
      boxes.push({
        page,
        x,
        top: pageHeight - baseline,
        width: item.width,
        pageWidth,
        pageHeight,
        text: item.str,
      });
    }
  }
  return boxes;
}

export function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
