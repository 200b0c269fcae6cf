import { RightOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Skeleton } from "antd";
import { Link } from "react-router";
import { useHome } from "../api/hooks";
import type { HomeData } from "../api/types";
import { useSession, useYear } from "../auth/session";
import { DeptBudgetChart } from "../components/home/DeptBudgetChart";
import { DeptTable } from "../components/home/DeptTable";
import { StatCards } from "../components/home/StatCards";
import { UnitSummary } from "../components/home/UnitSummary";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { ProjectMiniTable } from "../components/ProjectMiniTable";
import { InboxCard } from "../components/tasks/InboxCard";

const allProjectsLink = (
  <Link to="/projects">
    查看全部项目 <RightOutlined />
  </Link>
);

function FinanceHome({ data }: { data: HomeData }) {
  return (
    <>
      <StatCards cards={data.cards} />
      <Card title="各部门全年预算与执行" extra="前 20 个部门，单位：万元" style={{ marginBottom: 16 }}>
        {data.departments.length ? <DeptBudgetChart departments={data.departments} /> : <Empty />}
      </Card>
      <Card title="各部门预算执行情况" extra={`共 ${data.departments.length} 个部门`}>
        <DeptTable departments={data.departments} />
      </Card>
    </>
  );
}

function DepartmentHome({ data }: { data: HomeData }) {
  return (
    <>
      <StatCards cards={data.cards} />
      <Card title="下属单位项目概况" extra={allProjectsLink}>
        <UnitSummary units={data.units} />
      </Card>
    </>
  );
}

function UnitHome({ data }: { data: HomeData }) {
  return (
    <>
      <StatCards cards={data.cards} />
      <Card title="本单位项目" extra={allProjectsLink}>
        <ProjectMiniTable rows={data.projects} testId="home-projects" />
      </Card>
    </>
  );
}

function AssignedHome({ data }: { data: HomeData }) {
  return (
    <>
      {data.cards.length > 0 && <StatCards cards={data.cards} />}
      <Card title="分配给本机构的项目" extra={data.projects.length > 0 && allProjectsLink}>
        {data.projects.length ? (
          <ProjectMiniTable rows={data.projects} testId="home-projects" />
        ) : (
          <Empty description="暂无分配给本机构的项目" />
        )}
      </Card>
    </>
  );
}

export default function HomePage() {
  const { me } = useSession();
  const { year } = useYear();
  const home = useHome(year);

  const title = `${year}年度预算绩效概况`;
  if (home.error) return <PageError error={home.error} onRetry={() => void home.refetch()} />;
  return (
    <>
      <PageTitle
        title={title}
        sub={`${me.org.name} · ${me.roleLabel}`}
        extra={
          <Button size="small" onClick={() => void home.refetch()} loading={home.isFetching}>
            刷新
          </Button>
        }
      />
      <InboxCard />
      {!home.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : me.role === "department" ? (
        <DepartmentHome data={home.data} />
      ) : me.role === "unit" ? (
        <UnitHome data={home.data} />
      ) : me.role === "firm" || me.role === "expert" ? (
        <AssignedHome data={home.data} />
      ) : (
        <FinanceHome data={home.data} />
      )}
    </>
  );
}
