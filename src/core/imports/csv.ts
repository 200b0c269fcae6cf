import { AppError } from "../errors";

/**
 * RFC 4180: quoted fields may hold the delimiter, line breaks and doubled quotes; CRLF or LF ends a
 * record. Every line break outside quotes ends a record, blank ones too, so record numbers match the
 * row numbers Excel shows for the same file.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const D = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      field = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1)
          throw new AppError(
            "validation",
            "IMPORT_UNREADABLE",
            `CSV 格式错误：第${records.length + 1}行有未闭合的引号（"），请检查该行`,
            { record: records.length + 1 },
          );
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(j, q + 1);
          j = q + 2;
        } else {
          field += text.slice(j, q);
          i = q + 1;
          break;
        }
      }
      // Lenient like Excel: text after the closing quote belongs to the same field.
      const end = fieldEnd(text, i, D);
      field += text.slice(i, end);
      i = end;
    } else {
      const end = fieldEnd(text, i, D);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      if (i === n) row.push("");
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(row);
    row = [];
  }
  if (row.length > 0) records.push(row);
  return records;
}

function fieldEnd(text: string, from: number, D: number): number {
  let j = from;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === D || c === 10 || c === 13) break;
  }
  return j;
}
