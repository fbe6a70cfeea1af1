// Procedure search as citizens type it: by name or code, with or without Vietnamese marks
// (most phones type without them), so `bo dau` finds `bỏ dấu` and `đ` is found by `d`.

/** Lower case, marks removed (`đ` → `d`), spaces collapsed: the form both sides are compared in. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replaceAll(/\p{M}+/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase()
    .replaceAll(/\s+/g, ' ')
    .trim();
}

export interface Searchable {
  code: string;
  name: { vi: string; en: string };
  sector: string;
}

/**
 * The procedures whose code, name (either language) or sector holds every word of the query,
 * in the order given (the catalog's); an empty query keeps them all.
 */
export function findProcedures<T extends Searchable>(procedures: readonly T[], query: string): T[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (!words.length) return [...procedures];
  return procedures.filter((p) => {
    const haystack = foldText(`${p.code} ${p.name.vi} ${p.name.en} ${p.sector}`);
    return words.every((word) => haystack.includes(word));
  });
}
