import { checkText } from "./check-text";
import type { FigureValues } from "./figures";
import type { Finding } from "./finding";
import { documentText, type ReportDocument } from "./render";

/**
 * A drafted report's check: its text as printed (figures typed over by hand included) against the data and
 * its own arithmetic, and every placeholder the data could not fill.
 */
export function checkDocument(doc: ReportDocument, values: FigureValues): Finding[] {
  const text = documentText(doc);
  const missing: Finding[] = [];
  let at = doc.title.length + 1;
  for (const b of doc.blocks) {
    const runs = b.type === "heading" ? b.runs : [...(b.lead ?? []), ...b.runs];
    const line = runs.map((r) => r.text).join("");
    let offset = at;
    for (const r of runs) {
      if (r.missing)
        missing.push({
          kind: "missing",
          severity: "error",
          sentence: line,
          printed: r.text,
          computed: "",
          ...(r.figure ? { figure: r.figure } : {}),
          message: `${r.text.replace(/^【无数据：|】$/g, "")}没有数据：请先完成相应工作，或删去这句`,
          at: offset,
        });
      offset += r.text.length;
    }
    at += line.length + 1;
  }
  return [...checkText(text, values), ...missing].sort((a, b) => a.at - b.at);
}
