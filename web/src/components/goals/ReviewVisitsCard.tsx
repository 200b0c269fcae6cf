import { Card, Empty, Select, Skeleton, Typography } from "antd";
import { useMemo, useState } from "react";
import { type ReviewVisit, type ReviewVisitTable, useReviewVisits } from "../../api/goals/review-visits";
import type { ReviewDraw } from "../../api/types";
import { PageError } from "../PageError";
import { visitSummary } from "./reviewData";
import { VISIT_CSS, VisitItem } from "./VisitItem";
import { VisitLinkModal } from "./VisitLinkModal";
import { VisitRecordModal } from "./VisitRecordModal";

type Editing = { kind: "record"; visitId: number } | { kind: "link"; visitId: number; link: ReviewVisitTable | null };

/**
 * 会审记录: for one recorded draw (the selected year's, else the newest), each drawn department with the
 * review's findings and guidance and the tables linked to it; finance records and links, others read.
 */
export function ReviewVisitsCard({
  draws,
  selectedYear,
  mayEdit,
}: {
  draws: ReviewDraw[];
  selectedYear: number;
  mayEdit: boolean;
}) {
  // A draw picked here holds while the header's year stays; a new year shows that year's draw, if any.
  const [choice, setChoice] = useState<{ year: number; drawId: number } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const drawId =
    choice && choice.year === selectedYear && draws.some((d) => d.id === choice.drawId)
      ? choice.drawId
      : (draws.find((d) => d.fiscalYear === selectedYear) ?? draws[0])?.id;

  const visits = useReviewVisits(drawId);
  const rows = useMemo(() => visits.data?.rows ?? [], [visits.data]);
  const summary = visitSummary(rows);
  // The modals read the visit from the list, so a conflict's refetch reaches them.
  const editingVisit: ReviewVisit | undefined = editing ? rows.find((v) => v.id === editing.visitId) : undefined;
  const draw = draws.find((d) => d.id === drawId);

  return (
    <Card title="会审记录" size="small" style={{ marginTop: 16 }} data-testid="visit-card">
      <style>{VISIT_CSS}</style>
      {draws.length === 0 ? (
        <Empty description="还没有抽取记录：抽取部门后，在这里记录会审发现和指导建议" />
      ) : (
        <>
          <div className="jx-visit-summary" style={{ marginBottom: 12 }}>
            <Select<number>
              value={drawId}
              onChange={(id) => setChoice({ year: selectedYear, drawId: id })}
              style={{ width: 120 }}
              aria-label="会审年度"
              data-testid="visit-draw"
              options={draws.map((d) => ({
                value: d.id,
                label: `${d.fiscalYear}年度`,
              }))}
            />
            {visits.data && (
              <Typography.Text data-testid="visit-summary">
                已记录 <b>{summary.recorded}</b> / {summary.departments} 个部门，关联目标表 <b>{summary.tables}</b>{" "}
                张，已落实 <b>{summary.actedOn}</b> 张
              </Typography.Text>
            )}
          </div>
          {visits.error && !visits.data ? (
            <PageError error={visits.error} onRetry={() => void visits.refetch()} />
          ) : visits.isPending ? (
            <Skeleton active />
          ) : rows.length === 0 ? (
            <Empty description={`${draw?.fiscalYear ?? ""}年度的抽取没有抽中部门`} />
          ) : (
            <div data-testid="visit-list">
              {rows.map((v) => (
                <VisitItem
                  key={v.id}
                  visit={v}
                  mayEdit={mayEdit}
                  onRecord={() => setEditing({ kind: "record", visitId: v.id })}
                  onLink={(link) => setEditing({ kind: "link", visitId: v.id, link })}
                />
              ))}
            </div>
          )}
        </>
      )}
      {editing?.kind === "record" && editingVisit && (
        <VisitRecordModal visit={editingVisit} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === "link" && editingVisit && (
        <VisitLinkModal visit={editingVisit} link={editing.link} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
