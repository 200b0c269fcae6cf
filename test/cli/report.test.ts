import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-report-cli-"));
const dataDir = join(dir, "data");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
  await db.close();
});

let markdown = "";

describe("jixiao report annual", () => {
  it("prints the demo district's 2024 report in Markdown with the seed's figures", async () => {
    const r = await runCli(["report", "annual", "--year", "2024", "--format", "md"], dataDir);
    expect(r.code, r.stderr).toBe(0);
    markdown = r.stdout;
    expect(markdown).toMatch(/^# 2024年柳州市城中区预算绩效管理工作开展情况\n/);
    expect(markdown).toContain("## 一、深化全过程绩效管理，构建多级次评价体系");
    expect(markdown).toContain("**（二）组织开展单位自评。**");
    for (const figure of [
      "54个部门整体支出及1713个项目",
      "9.41亿元",
      "7.22%",
      "58.76%",
      "34.02%",
      "81.48%",
      "1336.64万元",
      "80.34分",
      "117个部门监控及9个财政重点监控",
      "调整61个项目",
      "4366.00万元",
    ])
      expect(markdown).toContain(figure);
  });

  it("writes the Word file and the HTML page to --out", async () => {
    const docx = join(dir, "report.docx");
    const r = await runCli(["report", "annual", "--year", "2024", "--format", "docx", "--out", docx], dataDir);
    expect(r.code, r.stderr).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    expect(xml.replace(/<[^>]+>/g, "")).toContain("抽查的97个项目复核评分结果是");
    const html = join(dir, "report.html");
    expect(
      (await runCli(["report", "annual", "--year", "2024", "--format", "html", "--out", html], dataDir)).code,
    ).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    const docxOnly = await runCli(["report", "annual", "--year", "2024", "--format", "docx"], dataDir);
    expect(docxOnly.code).not.toBe(0);
    expect(docxOnly.stderr).toContain("Word 格式须用 --out 指定输出文件");
  });
});

describe("jixiao report check", () => {
  it("passes the system's own report, against the data too", async () => {
    const file = join(dir, "report.md");
    writeFileSync(file, markdown);
    const r = await runCli(["report", "check", file, "--year", "2024"], dataDir);
    expect(r.stdout).toContain("未发现错误");
    expect(r.code, r.stdout).toBe(0);
  });

  it("flags exactly the figure changed from 7.22% to 7.21%, in its sentence", async () => {
    const file = join(dir, "changed.md");
    writeFileSync(file, markdown.replace("7.22%", "7.21%"));
    const r = await runCli(["report", "check", file, "--year", "2024", "--json"], dataDir);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    const errors = findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { printed: string; computed: string }) => [f.printed, f.computed])).toEqual([
      ["7.21%", "7.22%"],
    ]);
    expect(errors[0].sentence).toContain("抽查的97个项目复核评分结果是");
  });

  it("finds the seed's own slips in a text file, without a database", async () => {
    const file = join(dir, "seed.txt");
    writeFileSync(
      file,
      "抽查的97个项目复核评分结果是:复核评分一等等级90分以上(含90分)的项目7个,占本次抽查比例7.21%;二等等级80分以上(含80分)的项目57个,占本次抽查比例58.77%;三等等级60分以上(含60分)33个,占本次抽查比例34.02%;四等等级60分以下的项目有0个,占本次抽查比例0.00%。\n",
    );
    const r = await runCli(["report", "check", file], null);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("发现 2 处错误");
    expect(r.stdout).toContain("文中 7.21%，应为 7.22%");
    expect(r.stdout).toContain("文中 58.77%，应为 58.76%");
  });

  it("reads a Word file written elsewhere, and refuses what it cannot read by name", async () => {
    const docx = join(dir, "report.docx");
    const r = await runCli(["report", "check", docx], null);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const pdf = join(dir, "report.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    const bad = await runCli(["report", "check", pdf], null);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("无法读取“report.pdf”：只支持 .docx、.md 和 .txt 文件");
    const broken = join(dir, "broken.docx");
    writeFileSync(broken, "not a zip");
    expect((await runCli(["report", "check", broken], null)).stderr).toContain("不是有效的 Word（.docx）文件");
    // A huge file is refused by its size before it is read (a sparse file: no disk is used).
    const huge = join(dir, "huge.txt");
    writeFileSync(huge, "");
    truncateSync(huge, 3 * 1024 ** 3);
    const large = await runCli(["report", "check", huge], null);
    expect(large.code).not.toBe(0);
    expect(large.stderr).toContain("无法读取“huge.txt”：文件超过 20 MB");
  });
});
