import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Breadcrumb, Drawer, Dropdown, Layout, Menu, Select, Space, Typography } from "antd";
import { type ReactNode, Suspense, useEffect, useState } from "react";
import { Link, Outlet, useLocation, useNavigate, useNavigationType } from "react-router";
import { errorMessage } from "../api/client";
import { logout } from "../api/endpoints";
import { qk, useMeta } from "../api/hooks";
import { useSession, useYear } from "../auth/session";
import { EXTRA_TITLES, NAV, navKeyOf, navLabel, navMenuItems } from "../nav";
import { PageSpin } from "./PageSpin";
import { PHONE_CSS } from "./phone/phoneCss";
import { useIsPhone } from "./phone/useIsPhone";
import { NotificationBell } from "./tasks/NotificationBell";
import { useSwitchYear } from "./unsaved/useSwitchYear";

const { Header, Sider, Content } = Layout;

/** The menu key of a path: the top-level section it belongs to. */
function sectionOf(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  return first ? `/${first}` : "/";
}

function Crumbs() {
  const { pathname } = useLocation();
  const { me } = useSession();
  const key = navKeyOf(pathname);
  const section = key === "/" ? sectionOf(pathname) : key;
  const items: { title: ReactNode }[] = [{ title: <Link to="/">首页</Link> }];
  if (section !== "/") {
    const nav = NAV.find((n) => n.path === section);
    const title = (nav && navLabel(nav, me)) ?? EXTRA_TITLES[section] ?? "页面不存在";
    const isDeeper = pathname.length > section.length + 1;
    items.push({ title: isDeeper && nav ? <Link to={section}>{title}</Link> : title });
    if (isDeeper && section === "/projects") items.push({ title: "项目详情" });
    if (isDeeper && section === "/goal-tables") items.push({ title: "目标表" });
    if (isDeeper && section === "/monitoring" && pathname.endsWith("/select")) items.push({ title: "部门选取" });
    if (isDeeper && section === "/monitoring" && pathname.endsWith("/key")) items.push({ title: "重点监控" });
    if (isDeeper && section === "/review/items") items.push({ title: "复核评分" });
    if (isDeeper && section === "/results/adjustments") items.push({ title: "预算调整告知" });
    // A named page under a menu entry (数据导入 / 导入记录).
    const sub = EXTRA_TITLES[pathname];
    if (isDeeper && sub) items.push({ title: sub });
  }
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}

function YearSelect() {
  const { year } = useYear();
  // Asks first while a page holds unsaved edits (放弃修改并切换 / 取消).
  const switchYear = useSwitchYear();
  const meta = useMeta();
  const years = meta.data?.years?.length ? meta.data.years : [year];
  return (
    <Space size={6}>
      <span className="jx-year-label" style={{ color: "rgba(255,255,255,0.85)" }}>
        预算年度
      </span>
      <Select
        aria-label="预算年度"
        data-testid="year-select"
        size="small"
        value={year}
        onChange={switchYear}
        style={{ width: 92 }}
        options={[...new Set([...years, year])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
      />
    </Space>
  );
}

function UserMenu() {
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const doLogout = async () => {
    try {
      await logout();
    } catch (e) {
      message.warning(errorMessage(e, "退出时服务器未响应，已在本机退出"));
    }
    queryClient.clear();
    queryClient.setQueryData(qk.me, null);
    navigate("/login", { replace: true });
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "password", icon: <KeyOutlined />, label: "修改密码" },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: "退出登录" },
        ],
        onClick: ({ key }) => {
          if (key === "password") navigate("/profile");
          if (key === "logout") void doLogout();
        },
      }}
    >
      <button type="button" data-testid="user-menu" className="jx-user-button">
        <UserOutlined />
        <span className="jx-user-name">{me.displayName}</span>
        <span className="jx-role-tag">{me.roleLabel}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}

export function AppLayout() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const navigationType = useNavigationType();
  // A new page opens at its top: the menu is longer than a screen, and a page reached from its lower
  // entries would otherwise open as far down. Back and forward keep the browser's own scroll.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page's path is what the effect follows
  useEffect(() => {
    if (navigationType !== "POP") window.scrollTo(0, 0);
  }, [pathname, navigationType]);
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu is a drawer opened from the header's menu button, and the page takes the width.
  const phone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navMenuItems(me);
  const menu = (
    <Menu
      mode="inline"
      aria-label="主菜单"
      selectedKeys={[navKeyOf(pathname)]}
      items={items}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
    />
  );

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <style>
        {LAYOUT_CSS}
        {PHONE_CSS}
      </style>
      <Header
        className="jx-header"
        style={{ display: "flex", alignItems: "center", gap: 20, position: "sticky", top: 0, zIndex: 10 }}
      >
        {phone && (
          <button
            type="button"
            className="jx-menu-button"
            aria-label="打开菜单"
            aria-expanded={menuOpen}
            data-testid="menu-toggle"
            onClick={() => setMenuOpen(true)}
          >
            <MenuOutlined />
          </button>
        )}
        <Link to="/" className="jx-brand">
          <span className="jx-logo">绩</span>
          <span className="jx-brand-text">绩效 · 预算绩效管理平台</span>
        </Link>
        <span className="jx-region" data-testid="region-name">
          {me.regionName}
        </span>
        <div style={{ flex: 1 }} />
        <YearSelect />
        <NotificationBell />
        <UserMenu />
      </Header>
      <Layout>
        {phone ? (
          <Drawer
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            placement="left"
            size={264}
            title={me.regionName}
            rootClassName="jx-menu-drawer"
            styles={{ body: { padding: 0 } }}
          >
            <div className="jx-menu-who">
              {me.displayName} · {me.roleLabel}
            </div>
            {menu}
          </Drawer>
        ) : (
          <Sider
            width={200}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            theme="light"
            style={{ borderRight: "1px solid #e5e8ed" }}
          >
            {menu}
          </Sider>
        )}
        <Content className="jx-content" style={{ padding: "16px 20px 24px", minWidth: 0 }}>
          <Crumbs />
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
          <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginTop: 24, fontSize: 12 }}>
            {me.regionName} · 预算绩效管理平台
          </Typography.Paragraph>
        </Content>
      </Layout>
    </Layout>
  );
}

const LAYOUT_CSS = `
.jx-brand { display: flex; align-items: center; gap: 10px; color: #fff; font-size: 17px; font-weight: 600; white-space: nowrap; }
.jx-brand:hover { color: #fff; }
.jx-logo { display: inline-flex; width: 28px; height: 28px; align-items: center; justify-content: center; border-radius: 4px; background: #fff; color: #17467f; font-size: 16px; }
.jx-region { color: rgba(255,255,255,0.85); padding-left: 16px; border-left: 1px solid rgba(255,255,255,0.3); white-space: nowrap; }
.jx-user-button { display: inline-flex; align-items: center; gap: 8px; background: transparent; border: 0; color: #fff; cursor: pointer; font: inherit; padding: 4px 8px; border-radius: 4px; }
.jx-user-button:hover { background: rgba(255,255,255,0.12); }
.jx-role-tag { font-size: 12px; padding: 0 6px; border-radius: 3px; background: rgba(255,255,255,0.18); line-height: 20px; }
.jx-num { font-variant-numeric: tabular-nums; }
.jx-menu-button { display: inline-flex; align-items: center; justify-content: center; width: 36px; height: 36px; margin-left: -6px; background: transparent; border: 0; border-radius: 4px; color: #fff; font-size: 18px; cursor: pointer; }
.jx-menu-button:hover, .jx-menu-button:focus-visible { background: rgba(255,255,255,0.12); }
.jx-menu-who { padding: 12px 24px 4px; color: rgba(0,0,0,0.55); font-size: 12px; }
/* A phone's width: the header keeps the logo, year, bell and menu button; the page gets the width. */
@media (max-width: 767px) {
  .jx-header { padding-inline: 12px !important; gap: 10px !important; }
  .jx-brand-text, .jx-region, .jx-year-label, .jx-user-name, .jx-role-tag { display: none; }
  .jx-content { padding: 12px 10px 20px !important; }
}
`;
