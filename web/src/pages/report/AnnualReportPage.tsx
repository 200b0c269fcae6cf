import { EditOutlined, FileTextOutlined, FileWordOutlined, PrinterOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, type ButtonProps, Popconfirm, Select, Space, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { errorMessage, isApiError } from "../../api/client";
import { useMeta } from "../../api/hooks";
import {
  type AnnualReport,
  annualReportDocx,
  annualReportDocxUrl,
  draftAnnualReport,
  type ReportTemplate,
  useAnnualReport,
} from "../../api/report/annual";
import { useYear } from "../../auth/session";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PageTitle } from "../../components/PageTitle";
import { FindingsPanel, type LocatedFinding } from "../../components/report/FindingsPanel";
import { ReportSheet } from "../../components/report/ReportSheet";
import { locateFinding, sameTemplate, templateErrorPart } from "../../components/report/reportText";
import { TemplateEditor } from "../../components/report/TemplateEditor";
import { useLeaveGuard } from "../../components/unsaved/useLeaveGuard";
import { useSwitchYear } from "../../components/unsaved/useSwitchYear";

type TabKey = "report" | "edit";

function saveBlob(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The report's year: the header's, which the lists the figures link to also show. */
function YearPicker() {
  const { year } = useYear();
  const switchYear = useSwitchYear();
  const meta = useMeta();
  const years = [...new Set([...(meta.data?.years ?? []), year])].sort((a, b) => b - a);
  return (
    <Space size={6}>
      <Typography.Text type="secondary">报告年度</Typography.Text>
      <Select
        aria-label="报告年度"
        data-testid="report-year"
        value={year}
        onChange={switchYear}
        style={{ width: 100 }}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
      />
    </Space>
  );
}

/** One year's report: the default template's draft, or finance's edited text drafted on demand. */
function AnnualReportView({ year, base }: { year: number; base: AnnualReport }) {
  const { message } = App.useApp();
  /** The last draft of an edited text (null: the default template's report is shown). */
  const [draft, setDraft] = useState<AnnualReport | null>(null);
  /** The editor's text (null: never opened, the shown report's template). */
  const [edits, setEdits] = useState<ReportTemplate | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<TabKey>("report");
  const [picked, setPicked] = useState<number | null>(null);
  const [flash, setFlash] = useState(0);

  const shown = draft ?? base;
  const current = edits ?? shown.template;
  const edited = !sameTemplate(current, base.template);
  const stale = edits !== null && !sameTemplate(edits, shown.template);

  const discard = useCallback(() => {
    setDraft(null);
    setEdits(null);
    setErrors({});
    setPicked(null);
  }, []);
  useLeaveGuard(edited, { discard });

  const located: LocatedFinding[] = useMemo(
    () =>
      shown.findings.map((finding, index) => {
        const target = locateFinding(shown.document, finding);
        const part = !target
          ? null
          : target.block < 0
            ? "title"
            : (shown.document.blocks[target.block]?.section ?? null);
        return { finding, index, target, part };
      }),
    [shown],
  );
  const found = useMemo(() => {
    const by: Record<string, { errors: number; missing: number }> = {};
    for (const l of located) {
      if (!l.part || l.finding.severity !== "error") continue;
      const n = by[l.part] ?? { errors: 0, missing: 0 };
      by[l.part] = n;
      if (l.finding.kind === "missing") n.missing++;
      else n.errors++;
    }
    return by;
  }, [located]);
  const problems = located.filter((l) => l.finding.severity === "error" && l.finding.kind !== "missing").length;
  const flagged = useMemo(
    () => located.flatMap((l) => (l.target && l.finding.kind !== "missing" ? [l.target] : [])),
    [located],
  );
  const focus = picked === null ? null : (located[picked]?.target ?? null);

  // A picked finding is brought into view once the report tab shows it: the tab's pane may still be hidden
  // in the frame the pick is rendered, and a hidden element does not scroll.
  useEffect(() => {
    if (tab !== "report" || !focus || flash === 0) return;
    let frame = 0;
    let tries = 0;
    const go = () => {
      const el = document.getElementById(`jx-rp-block-${focus.block}`);
      if (el && el.getClientRects().length > 0) el.scrollIntoView({ block: "center", behavior: "smooth" });
      else if (tries++ < 30) frame = requestAnimationFrame(go);
    };
    go();
    return () => cancelAnimationFrame(frame);
  }, [tab, focus, flash]);

  const pick = (index: number) => {
    setPicked(index);
    setFlash((n) => n + 1);
    setTab("report");
  };

  const refused = (e: unknown) => {
    if (isApiError(e) && e.code === "REPORT_TEMPLATE_INVALID") {
      const part = templateErrorPart(e.details);
      setErrors({ [part ?? "_"]: e.message });
      setTab("edit");
      requestAnimationFrame(() =>
        document
          .getElementById(`jx-rp-edit-${part ?? "title"}`)
          ?.scrollIntoView({ block: "start", behavior: "smooth" }),
      );
      message.error("文字有误，未能起草：见标红的一节");
    } else message.error(errorMessage(e));
  };

  const drafting = useMutation({
    mutationFn: (t: ReportTemplate) => draftAnnualReport(year, t),
    onSuccess: (r) => {
      setDraft(sameTemplate(r.template, base.template) ? null : r);
      setEdits(null);
      setErrors({});
      setPicked(null);
      const n = r.findings.filter((f) => f.severity === "error" && f.kind !== "missing").length;
      if (n > 0) message.warning(`已起草；核对发现 ${n} 处问题，见页面上方“核对”`);
      else message.success("已起草并核对：核对通过");
      // The check's answer is above the editor: brought into view, the editor stays open.
      requestAnimationFrame(() =>
        document.getElementById("jx-rp-check")?.scrollIntoView({ block: "start", behavior: "smooth" }),
      );
    },
    onError: refused,
  });

  const downloading = useMutation({
    mutationFn: async () => {
      // What is downloaded is what the editor holds: drafted first, so the page shows what the file says.
      const report = stale && edits ? await drafting.mutateAsync(edits) : shown;
      saveBlob(await annualReportDocx(year, report.template), `${report.document.title}.docx`);
    },
    onError: (e) => {
      if (!(isApiError(e) && e.code === "REPORT_TEMPLATE_INVALID")) message.error(errorMessage(e, "下载失败"));
    },
  });

  /** An edit clears the refusal of the part it changed: it may be the fix. */
  const edit = (t: ReportTemplate) => {
    const changed = (["title", "intro"] as const).filter((k) => t[k] !== current[k]) as string[];
    for (const s of t.sections) if (s.text !== current.sections.find((c) => c.key === s.key)?.text) changed.push(s.key);
    if (changed.some((k) => errors[k]) || errors._)
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== "_" && !changed.includes(k))));
    setEdits(t);
  };

  const print = () => {
    flushSync(() => setTab("report"));
    window.print();
  };

  const resetToDefault = () => {
    setDraft(null);
    setEdits(null);
    setErrors({});
    setPicked(null);
    message.success("已恢复默认模板");
  };

  const wordButton = edited ? (
    <Button
      icon={<FileWordOutlined />}
      loading={downloading.isPending}
      onClick={() => downloading.mutate()}
      data-testid="report-docx"
    >
      下载Word
    </Button>
  ) : (
    <Button icon={<FileWordOutlined />} href={annualReportDocxUrl(year)} download data-testid="report-docx">
      下载Word
    </Button>
  );

  return (
    <>
      <div className="jx-rp-noprint">
        <PageTitle
          title="年度工作报告"
          sub={
            <>
              {year}年度预算绩效管理工作开展情况，按当年数据起草；点报告中带虚线的数字可查看它的来源清单
              {edited && (
                <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="report-edited">
                  已修改文字
                </Tag>
              )}
            </>
          }
          extra={
            <Space wrap className="jx-rp-noprint">
              <YearPicker />
              {wordButton}
              <Button icon={<PrinterOutlined />} onClick={print} data-testid="report-print">
                打印
              </Button>
            </Space>
          }
        />
      </div>
      <FindingsPanel doc={shown.document} items={located} picked={picked} onPick={pick} stale={stale} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: "report",
            label: (
              <span data-testid="report-tab">
                <FileTextOutlined /> 报告
              </span>
            ),
            children: (
              <ReportSheet doc={shown.document} figures={shown.figures} flagged={flagged} focus={focus} flash={flash} />
            ),
          },
          {
            key: "edit",
            label: (
              <span data-testid="report-edit-tab">
                <EditOutlined /> 编辑文字{stale ? "（未起草）" : ""}
              </span>
            ),
            children: (
              <div className="jx-rp-noprint">
                <TemplateEditor
                  value={current}
                  onChange={edit}
                  figures={shown.figures}
                  errors={errors}
                  found={stale ? {} : found}
                />
                <div className="jx-rp-bar">
                  <Button
                    type="primary"
                    loading={drafting.isPending}
                    onClick={() => drafting.mutate(current)}
                    data-testid="report-draft"
                  >
                    起草并核对
                  </Button>
                  <Popconfirm
                    title="恢复默认模板？"
                    description="本页对文字的修改将全部丢失。"
                    okText="恢复默认"
                    cancelText="取消"
                    okButtonProps={{ danger: true, "data-testid": "report-reset-confirm" } as ButtonProps}
                    onConfirm={resetToDefault}
                    disabled={!edited}
                  >
                    <Button icon={<UndoOutlined />} disabled={!edited} data-testid="report-reset">
                      恢复默认模板
                    </Button>
                  </Popconfirm>
                  <Typography.Text type="secondary" data-testid="report-draft-state">
                    {stale
                      ? "有尚未起草的修改：报告和核对结果仍是上次起草的"
                      : `${edited ? "报告已按修改后的文字起草" : "当前为默认模板"}；${
                          problems > 0 ? `核对发现 ${problems} 处问题（见页面上方）` : "核对通过"
                        }`}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

/** 年度工作报告: the year's report drafted from the data, its check, the editable text and the Word file. */
export default function AnnualReportPage() {
  const { year } = useYear();
  const report = useAnnualReport(year);
  if (report.isPending) return <PageSpin />;
  if (report.error) return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  // A new year starts from its own default draft: nothing edited for one year carries into another.
  return <AnnualReportView key={year} year={year} base={report.data} />;
}
