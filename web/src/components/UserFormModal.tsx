import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Select, Switch } from "antd";
import { useMemo, useState } from "react";
import { USERNAME_RE, USERNAME_RULE } from "../../../src/core/password-policy";
import { ROLE_LABELS, ROLE_ORG_KIND, ROLES, type Role } from "../../../src/core/roles";
import { errorMessage, isApiError } from "../api/client";
import { createUser, updateUser } from "../api/endpoints";
import { useOrgTree } from "../api/hooks";
import type { UserRow } from "../api/types";
import { useSession } from "../auth/session";
import { orgKindLabel } from "./labels";
import { STALE_MESSAGE } from "./OrgFormModal";
import { OrgTreeSelect } from "./OrgTreeSelect";
import { flattenOrgs } from "./orgs";
import { confirmRules, PASSWORD_HINT, passwordRules } from "./passwordRules";

interface Values {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  active: boolean;
  password: string;
  confirm: string;
}

/** Create an account (user === null) or edit one: name, role, organisation, enabled. */
export function UserFormModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const tree = useOrgTree();
  const kindOf = useMemo(() => new Map(flattenOrgs(tree.data?.nodes ?? []).map((o) => [o.id, o.kind])), [tree.data]);
  const role = Form.useWatch("role", form) as Role | undefined;
  // An administrator cannot lock themselves out: their own role and status are not editable here.
  const { me } = useSession();
  const self = user !== null && user.id === me.id;

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (!user)
        return createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          orgId: v.orgId,
          password: v.password,
        });
      return updateUser(user.id, {
        version: user.version,
        displayName: v.displayName.trim(),
        role: v.role,
        orgId: v.orgId,
        active: v.active,
      });
    },
    onSuccess: () => {
      message.success(user ? "已保存" : "已新建用户");
      void queryClient.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "STALE_VERSION") {
        message.error({ content: STALE_MESSAGE, duration: 6 });
        void queryClient.invalidateQueries({ queryKey: ["users"] });
        onClose();
        return;
      }
      setError(errorMessage(e));
    },
  });

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.username}` : "新建用户"}
      okText={user ? "保存" : "新建"}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        initialValues={
          user
            ? { displayName: user.displayName, role: user.role, orgId: user.org.id, active: user.active }
            : { active: true }
        }
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.role) {
            const orgId = form.getFieldValue("orgId") as number | undefined;
            if (orgId !== undefined && kindOf.get(orgId) !== ROLE_ORG_KIND[changed.role])
              form.setFieldValue("orgId", undefined);
          }
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {!user && (
          <Form.Item
            name="username"
            label="用户名"
            extra={USERNAME_RULE}
            rules={[
              { required: true, message: "用户名必填" },
              { pattern: USERNAME_RE, message: USERNAME_RULE },
            ]}
          >
            <Input autoComplete="off" autoFocus />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: "姓名必填" },
            { max: 40, message: "姓名不能超过 40 个字" },
          ]}
        >
          <Input autoFocus={!!user} />
        </Form.Item>
        <Form.Item
          name="role"
          label="角色"
          extra={self ? "不能修改自己的角色" : undefined}
          rules={[{ required: true, message: "请选择角色" }]}
        >
          <Select
            disabled={self}
            placeholder="请选择角色"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="所属单位"
          extra={role ? `${ROLE_LABELS[role]}须属于${orgKindLabel(ROLE_ORG_KIND[role])}` : "请先选择角色"}
          rules={[
            { required: true, message: "请选择所属单位" },
            {
              validator: (_r, v: number | undefined) =>
                v === undefined || !role || kindOf.get(v) === undefined || kindOf.get(v) === ROLE_ORG_KIND[role]
                  ? Promise.resolve()
                  : Promise.reject(new Error(`该角色须属于${orgKindLabel(ROLE_ORG_KIND[role])}`)),
            },
          ]}
        >
          <OrgTreeSelect kind={role ? ROLE_ORG_KIND[role] : undefined} />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label="状态" valuePropName="checked" extra={self ? "不能停用自己的账号" : undefined}>
            <Switch checkedChildren="启用" unCheckedChildren="停用" disabled={self} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="password" label="初始密码" extra={PASSWORD_HINT} rules={passwordRules("初始密码")}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label="确认密码" dependencies={["password"]} rules={confirmRules("password")}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
