import type { ReportDocument, Run } from "../core/report/render";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const runHtml = (r: Run, linkBase: string | null) => {
  const t = escapeHtml(r.text);
  if (r.missing) return `<mark class="missing">${t}</mark>`;
  if (!r.figure) return t;
  const attrs = `class="figure" data-figure="${escapeHtml(r.figure)}"`;
  return r.link && linkBase !== null
    ? `<a ${attrs} href="${escapeHtml(linkBase + r.link)}">${t}</a>`
    : `<span ${attrs}>${t}</span>`;
};

/**
 * The annual report as a standalone, printable HTML page: 公文 fonts where the reader has them, every text
 * escaped. With `linkBase` each figure links to the list behind it (the web app); without, figures are
 * plain text (a file sent out, or the public portal).
 */
export function annualReportHtml(doc: ReportDocument, opts: { linkBase?: string; signature?: string } = {}): string {
  const base = opts.linkBase ?? null;
  const line = (rs: readonly Run[]) => rs.map((r) => runHtml(r, base)).join("");
  const body = doc.blocks
    .map((b) =>
      b.type === "heading"
        ? `<h2>${line(b.runs)}</h2>`
        : `<p>${b.lead ? `<strong class="lead">${line(b.lead)}</strong>` : ""}${line(b.runs)}</p>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body{max-width:46em;margin:2em auto;padding:0 1em;font:16pt/28pt "FangSong_GB2312","仿宋_GB2312","FangSong","仿宋",serif;color:#000}
h1{font:22pt/1.6 "SimHei","黑体",sans-serif;text-align:center;margin:0 0 1em}
h2{font:16pt/28pt "SimHei","黑体",sans-serif;margin:0;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
.lead{font-family:"KaiTi_GB2312","楷体_GB2312","KaiTi","楷体",serif;font-weight:normal}
.signature{text-align:right;text-indent:0;margin-top:1em}
a.figure{color:inherit;text-decoration:underline dotted}
mark.missing{background:#ffe58f}
@media print{body{margin:0;max-width:none}a.figure{text-decoration:none}}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
${body}
${opts.signature ? `<p class="signature">${escapeHtml(opts.signature)}</p>` : ""}
</main>
</body>
</html>
`;
}
