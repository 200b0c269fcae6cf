import { Card, Col, Row, Statistic } from "antd";
import type { HomeCard } from "../../api/types";
import { count, wan, yi } from "../../format";

const YI_FEN = 10_000_000_000;

/** The home page's figures; money cards use 亿元 when the largest is at least 1亿元, else 万元. */
export function StatCards({ cards }: { cards: HomeCard[] }) {
  const maxFen = Math.max(0, ...cards.filter((c) => c.unit === "fen").map((c) => Math.abs(c.value)));
  const inYi = maxFen >= YI_FEN;
  const show = (c: HomeCard): { text: string; suffix: string } => {
    switch (c.unit) {
      case "fen":
        return inYi ? { text: yi(c.value), suffix: "亿元" } : { text: wan(c.value), suffix: "万元" };
      case "%":
        return Number.isFinite(c.value) ? { text: c.value.toFixed(2), suffix: "%" } : { text: "—", suffix: "" };
      default:
        return { text: count(c.value), suffix: c.unit };
    }
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => {
        const { text, suffix } = show(c);
        return (
          <Col key={c.key} flex="1 1 180px">
            <Card size="small" data-testid={`stat-${c.key}`}>
              <Statistic title={c.label} value={text} formatter={() => text} suffix={suffix} />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
