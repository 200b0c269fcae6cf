import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch, Typography } from "antd";
import { useState } from "react";
import { errorMessage, isApiError } from "../../api/client";
import {
  createExpert,
  type Expert,
  type ExpertBody,
  expertKeys,
  updateExpert,
  useExpertAccounts,
} from "../../api/evaluations/experts";
import { OrgTreeSelect } from "../OrgTreeSelect";

interface Values {
  name: string;
  employer: string;
  employerOrgId?: number | undefined;
  title: string;
  fields: string[];
  phone: string;
  userId?: number | undefined;
  active: boolean;
}

const ORG_KINDS = ["department", "unit"] as const;
const FIELDS = ["name", "employer", "employerOrgId", "title", "fields", "phone", "userId"] as const;

const valuesOf = (e: Expert | null): Values =>
  e
    ? {
        name: e.name,
        employer: e.employer,
        employerOrgId: e.employerOrg?.id,
        title: e.title,
        fields: e.fields,
        phone: e.phone,
        userId: e.user?.id,
        active: e.active,
      }
    : { name: "", employer: "", title: "", fields: [], phone: "", active: true };

/**
 * 专家入库 / 修改专家: name, employer (and, when it is a department or unit of the region, that organisation,
 * which the expert's evaluations must avoid), title, fields, phone, and the account of role 专家 they score with.
 */
export function ExpertModal({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const accounts = useExpertAccounts(search);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ExpertBody = {
        name: v.name.trim(),
        employer: (v.employer ?? "").trim(),
        employerOrgId: v.employerOrgId ?? null,
        title: (v.title ?? "").trim(),
        fields: v.fields ?? [],
        phone: (v.phone ?? "").trim(),
        userId: v.userId ?? null,
        // A new expert is in use; the switch is offered only when editing.
        active: expert ? v.active : true,
      };
      return expert ? updateExpert(expert.id, { ...body, version: expert.version }) : createExpert(body);
    },
    onSuccess: async (e) => {
      await queryClient.invalidateQueries({ queryKey: expertKeys.all });
      void message.success(expert ? `已保存专家 ${e.name} 的信息` : `专家 ${e.name} 已入库`);
      onClose();
    },
    onError: (e) => {
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field && (FIELDS as readonly string[]).includes(field))
        form.setFields([{ name: field as (typeof FIELDS)[number], errors: [errorMessage(e)] }]);
    },
  });
  const placed =
    isApiError(save.error) &&
    (FIELDS as readonly string[]).includes((save.error.details as { field?: string } | undefined)?.field ?? "");
  // The linked account stays in the options while the search shows others.
  const options = [
    ...(expert?.user && !accounts.data?.rows.some((a) => a.id === expert.user?.id)
      ? [{ value: expert.user.id, label: `${expert.user.name}（${expert.user.username}）` }]
      : []),
    ...(accounts.data?.rows ?? []).map((a) => ({
      value: a.id,
      label: `${a.name}（${a.username}）· ${a.org.name}${a.active ? "" : " · 已停用"}`,
    })),
  ];
  return (
    <Modal
      open
      title={expert ? `修改专家：${expert.name}` : "专家入库"}
      okText={expert ? "保存" : "入库"}
      cancelText="取消"
      width={720}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "expert-ok" }}
    >
      {save.error && !placed && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(save.error)} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(expert)} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: "请填写专家姓名" }]}
            >
              <Input maxLength={50} data-testid="expert-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label="职称">
              <Input maxLength={50} placeholder="如：高级会计师、教授" data-testid="expert-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employer" label="工作单位">
              <Input maxLength={100} placeholder="如：某某大学经济学院" data-testid="expert-employer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="employerOrgId"
              label="本地区的工作单位（回避）"
              extra="工作单位是本地区的部门或单位时选择，该专家不评价其项目（部门含所属单位）。"
            >
              <OrgTreeSelect kind={ORG_KINDS} placeholder="不是本地区的部门或单位则不选" testId="expert-employer-org" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="fields"
              label="专业领域"
              rules={[{ required: true, type: "array", min: 1, message: "请填写专业领域（至少一项），输入后回车" }]}
            >
              <Select
                mode="tags"
                tokenSeparators={[",", "，", "、"]}
                placeholder="输入后回车，如：教育、财务管理"
                open={false}
                suffixIcon={null}
                maxCount={20}
                data-testid="expert-fields"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={30} data-testid="expert-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="userId"
              label="评分账号"
              extra="专家用这个账号登录并评分；没有账号的专家不能加入评价组。账号在“用户管理”中新增（角色：专家）。"
            >
              <Select
                showSearch
                allowClear
                filterOption={false}
                onSearch={setSearch}
                loading={accounts.isFetching}
                options={options}
                placeholder="不关联账号"
                notFoundContent={accounts.isFetching ? "查找中…" : "没有角色为专家的账号"}
                data-testid="expert-account"
              />
            </Form.Item>
          </Col>
          {expert && (
            <Col xs={24} md={12}>
              <Form.Item name="active" label="状态" valuePropName="checked">
                <Switch checkedChildren="在用" unCheckedChildren="停用" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          曾评价、咨询过的单位在“回避关系”中登记；近几年内参加过的评价组由系统自动识别。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
