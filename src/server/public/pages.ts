import type { PublicItem, PublicVersion } from "../../app/disclosure/ports";
import { dateInChina } from "../../core/calendar";
import { cellText, columnHeading } from "../../core/disclosure/format";
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  type PublicationBody,
  type PublishedTable,
} from "../../core/disclosure/types";

/**
 * The public portal's pages (信息公开网站): plain semantic HTML that needs no script, in Chinese, printable. Every
 * text that comes from the database passes through `esc`, including attributes; nothing else is interpolated.
 */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1f1f1f;line-height:1.7}
header.site,footer.site{background:#a8071a;color:#fff;padding:.6rem 1.2rem}
header.site a,footer.site a{color:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem 3rem}
nav.crumbs{font-size:.9rem;margin-bottom:1rem}
nav.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem}
nav.crumbs li+li::before{content:"›";margin-right:.4rem;color:#888}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}
dl.meta dt{color:#555}
dl.meta dd{margin:0}
.notice{border-left:4px solid #d48806;background:#fffbe6;padding:.5rem 1rem}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:bold;padding:.4rem 0}
caption .unit{font-weight:normal;color:#555;margin-left:.5rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top}
thead th{background:#f5f5f5}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.downloads{font-size:.9rem}
@media print{
  @page{size:A4;margin:15mm 12mm}
  header.site,footer.site,nav.crumbs,.downloads,.no-print{display:none}
  main{max-width:none;padding:0}
  body{font-family:"SimSun","Songti SC",serif;font-size:10.5pt}
  .table-wrap{overflow:visible}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}`;

interface Crumb {
  href: string;
  label: string;
}

function layout(p: { title: string; description: string; crumbs: Crumb[]; body: string }): string {
  const crumbs =
    p.crumbs.length === 0
      ? ""
      : `<nav class="crumbs" aria-label="位置"><ol>${p.crumbs
          .map((c, i) =>
            i === p.crumbs.length - 1
              ? `<li aria-current="page">${esc(c.label)}</li>`
              : `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>`,
          )
          .join("")}</ol></nav>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<meta name="description" content="${esc(p.description)}">
<style>${STYLE}</style>
</head>
<body>
<header class="site"><a href="/public/">预算绩效信息公开</a></header>
<main>
${crumbs}
${p.body}
</main>
<footer class="site"><p>本网站公开的信息经信息员起草、审核员审核后发布；发布后如有更正，以新版本发布并说明更正内容，原版本仍可查阅。</p></footer>
</body>
</html>
`;
}

const day = (iso: string) => dateInChina(new Date(iso));
const timeTag = (iso: string) => `<time datetime="${esc(day(iso))}">${esc(day(iso))}</time>`;

/** The same page for every address that leads to nothing published: no hint whether a draft exists. */
export const NOT_FOUND_PAGE = layout({
  title: "未找到页面 - 预算绩效信息公开",
  description: "未找到所请求的公开信息。",
  crumbs: [],
  body: `<h1>未找到页面</h1><p>所请求的公开信息不存在或尚未发布。</p><p><a href="/public/">返回信息公开首页</a></p>`,
});

export function indexPage(regions: { code: string; name: string; years: number[] }[]): string {
  const list =
    regions.length === 0
      ? "<p>暂无公开信息。</p>"
      : `<ul>${regions
          .map(
            (r) =>
              `<li><a href="/public/${esc(r.code)}/">${esc(r.name)}</a>（${r.years
                .map((y) => `<a href="/public/${esc(r.code)}/${y}/">${y}年度</a>`)
                .join("、")}）</li>`,
          )
          .join("")}</ul>`;
  return layout({
    title: "预算绩效信息公开",
    description:
      "各地区财政部门公开的预算绩效管理信息：重点项目绩效目标、绩效自评结果、重点绩效评价结果和年度工作报告。",
    crumbs: [],
    body: `<h1>预算绩效信息公开</h1><h2>地区</h2>${list}`,
  });
}

export function regionPage(region: { code: string; name: string; years: number[] }): string {
  return layout({
    title: `${region.name}预算绩效信息公开`,
    description: `${region.name}财政部门公开的预算绩效管理信息，按年度查阅。`,
    crumbs: [
      { href: "/public/", label: "信息公开" },
      { href: `/public/${region.code}/`, label: region.name },
    ],
    body: `<h1>${esc(region.name)}预算绩效信息公开</h1><h2>年度</h2><ul>${region.years
      .map((y) => `<li><a href="/public/${esc(region.code)}/${y}/">${y}年度</a></li>`)
      .join("")}</ul>`,
  });
}

const itemLink = (region: string, i: PublicItem) => `/public/${region}/p/${i.publicationId}`;

export function yearPage(region: string, regionName: string, year: number, items: PublicItem[]): string {
  const sections = PUBLICATION_KINDS.map((kind) => {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.length === 0) return "";
    return `<section><h2>${esc(PUBLICATION_KIND_LABELS[kind])}</h2><ul>${mine
      .map(
        (i) =>
          `<li><a href="${esc(itemLink(region, i))}">${esc(i.title)}</a>` +
          `（${i.department ? `${esc(i.department.name)}，` : ""}${timeTag(i.publishedAt)}发布` +
          `${i.number > 1 ? `，第${i.number}版` : ""}）</li>`,
      )
      .join("")}</ul></section>`;
  }).join("\n");
  return layout({
    title: `${regionName}${year}年度预算绩效信息公开`,
    description: `${regionName}${year}年度公开的预算绩效管理信息，共${items.length}项。`,
    crumbs: [
      { href: "/public/", label: "信息公开" },
      { href: `/public/${region}/`, label: regionName },
      { href: `/public/${region}/${year}/`, label: `${year}年度` },
    ],
    body:
      `<h1>${esc(regionName)}${year}年度预算绩效信息公开</h1>\n${sections}\n` +
      `<p class="downloads">本年度全部公开表格的数据包（Frictionless Data Package）：<a href="/public/${esc(region)}/${year}/datapackage.json">datapackage.json</a></p>`,
  });
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n+/)
    .filter((line) => line.trim() !== "")
    .map((line) => `<p>${esc(line)}</p>`)
    .join("\n");

function blocksHtml(body: PublicationBody): string {
  return (body.blocks ?? [])
    .map((b) =>
      b.type === "heading1"
        ? `<h2>${esc(b.text)}</h2>`
        : b.type === "heading2"
          ? `<h3>${esc(b.text)}</h3>`
          : paragraphs(b.text),
    )
    .join("\n");
}

const NUMERIC_TYPES = new Set(["count", "amount", "score", "percent"]);

function tableHtml(t: PublishedTable, csvHref: string): string {
  const hasAmount = t.columns.some((c) => c.type === "amount");
  const head = t.columns.map((c) => `<th scope="col">${esc(columnHeading(c))}</th>`).join("");
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${t.columns
          .map((c, i) => {
            const text = esc(cellText(c.type, r[c.key]));
            if (i === 0) return `<th scope="row">${text}</th>`;
            return NUMERIC_TYPES.has(c.type) ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<section>
<div class="table-wrap"><table>
<caption>${esc(t.title)}${hasAmount ? '<span class="unit">金额单位：万元</span>' : ""}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${t.columns.length}">（无）</td></tr>`}
</tbody>
</table></div>
<p class="downloads"><a href="${esc(csvHref)}" download>下载本表 CSV</a>（金额单位：元）</p>
</section>`;
}

export function publicationPage(region: string, regionName: string, v: PublicVersion, history: PublicItem[]): string {
  const base = `/public/${region}/p/${v.publicationId}`;
  const latest = history[0]!;
  const isLatest = latest.number === v.number;
  const versionBase = `${base}/v/${v.number}`;
  const meta: [string, string][] = [
    ["类别", esc(PUBLICATION_KIND_LABELS[v.kind])],
    ["年度", `${v.fiscalYear}年度`],
    ...(v.department ? ([["部门", esc(v.department.name)]] as [string, string][]) : []),
    ["信息员", esc(v.draftedByName)],
    ["审核员", esc(v.approvedByName)],
    ["发布日期", timeTag(v.publishedAt)],
    ["版本", `第${v.number}版${isLatest ? "（现行）" : ""}`],
  ];
  const notice = isLatest
    ? ""
    : `<p class="notice" role="note">本页为第${v.number}版，已于${timeTag(latest.publishedAt)}被第${latest.number}版更正。<a href="${esc(base)}">查看现行版本</a></p>`;
  const note =
    v.number > 1 && v.changeNote.trim() !== "" ? `<section><h2>更正说明</h2>${paragraphs(v.changeNote)}</section>` : "";
  const tables = v.body.tables
    .map((t) => tableHtml(t, `${versionBase}.csv?table=${encodeURIComponent(t.key)}`))
    .join("\n");
  const versions = history
    .map(
      (h) =>
        `<li>${h.number === v.number ? `<strong>第${h.number}版</strong>` : `<a href="${esc(`${base}/v/${h.number}`)}">第${h.number}版</a>`}，${timeTag(h.publishedAt)}发布` +
        `${h.number > 1 && h.changeNote.trim() !== "" ? `。更正说明：${esc(h.changeNote)}` : h.number === 1 ? "（首次发布）" : ""}</li>`,
    )
    .join("\n");
  return layout({
    title: `${v.title}${isLatest ? "" : `（第${v.number}版）`} - ${regionName}预算绩效信息公开`,
    description: `${regionName}${v.fiscalYear}年度${PUBLICATION_KIND_LABELS[v.kind]}：${v.title}，${day(v.publishedAt)}发布。`,
    crumbs: [
      { href: "/public/", label: "信息公开" },
      { href: `/public/${region}/`, label: regionName },
      { href: `/public/${region}/${v.fiscalYear}/`, label: `${v.fiscalYear}年度` },
      { href: base, label: v.title },
    ],
    body: `<article>
<header>
<h1>${esc(v.title)}</h1>
<dl class="meta">${meta.map(([k, val]) => `<dt>${k}</dt><dd>${val}</dd>`).join("")}</dl>
${notice}
${note}
</header>
${paragraphs(v.body.intro)}
${blocksHtml(v.body)}
${tables}
<section class="downloads"><h2>下载</h2><ul>
${v.body.tables.map((t) => `<li><a href="${esc(`${versionBase}.csv?table=${encodeURIComponent(t.key)}`)}">${esc(t.title)}（CSV）</a></li>`).join("\n")}
<li><a href="${esc(`${versionBase}.json`)}">全文及表格（JSON，金额单位：分）</a></li>
</ul></section>
<section><h2>版本记录</h2><ol reversed>
${versions}
</ol></section>
</article>`,
  });
}
