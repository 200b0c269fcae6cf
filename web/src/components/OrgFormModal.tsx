import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { errorMessage, isApiError } from "../api/client";
import { createOrg, updateOrg } from "../api/endpoints";
import { qk } from "../api/hooks";
import type { OrgNode } from "../api/types";

/** The same rules as the server (src/app/org/org-fields.ts). */
export const PHONE_RE = /^[0-9+\-() ]{5,20}$/;
const hasMarkup = (v: string) => /[<>]/.test(v) || [...v].some((ch) => ch.charCodeAt(0) < 0x20);
const NO_MARKUP = {
  validator: (_r: unknown, v: string | undefined) =>
    v && hasMarkup(v) ? Promise.reject(new Error("不能含 < > 或控制字符")) : Promise.resolve(),
};
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const STALE_MESSAGE = "该记录已被他人修改，请刷新后重试";

interface Values {
  code?: string;
  name: string;
  sector?: string;
  contactName?: string;
  contactPhone?: string;
}

export type OrgFormTarget = { mode: "edit"; org: OrgNode } | { mode: "create"; parent: OrgNode };

/** Edit an organisation's name and contacts, or create a unit (under a department) or a department. */
export function OrgFormModal({ target, onClose }: { target: OrgFormTarget; onClose: (savedId?: number) => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const creating = target.mode === "create";
  const childKind = creating && target.parent.kind === "bureau" ? "department" : "unit";
  const kindText = childKind === "department" ? "主管部门" : "预算单位";

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const clean = {
        name: v.name.trim(),
        sector: v.sector?.trim() ?? "",
        contactName: v.contactName?.trim() ?? "",
        contactPhone: v.contactPhone?.trim() ?? "",
      };
      if (target.mode === "edit")
        return (await updateOrg(target.org.id, { version: target.org.version, ...clean })).org;
      const body = {
        code: (v.code ?? "").trim(),
        kind: childKind,
        ...(childKind === "unit" ? { parentId: target.parent.id } : {}),
        name: clean.name,
        ...(clean.sector ? { sector: clean.sector } : {}),
        ...(clean.contactName ? { contactName: clean.contactName } : {}),
        ...(clean.contactPhone ? { contactPhone: clean.contactPhone } : {}),
      } as const;
      return (await createOrg(body)).org;
    },
    onSuccess: (org) => {
      message.success(creating ? `已新建${kindText}“${org.name}”` : "已保存");
      void queryClient.invalidateQueries({ queryKey: qk.orgTree });
      onClose(org.id);
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "STALE_VERSION") {
        message.error({ content: STALE_MESSAGE, duration: 6 });
        void queryClient.invalidateQueries({ queryKey: qk.orgTree });
        onClose();
        return;
      }
      setError(errorMessage(e));
    },
  });

  const initial: Partial<Values> =
    target.mode === "edit"
      ? {
          name: target.org.name,
          sector: target.org.sector ?? "",
          contactName: target.org.contactName ?? "",
          contactPhone: target.org.contactPhone ?? "",
        }
      : { code: childKind === "unit" ? target.parent.code : "", sector: target.parent.sector ?? "" };

  return (
    <Modal
      open
      title={creating ? `新建${kindText}` : `编辑：${target.org.name}`}
      okText={creating ? "新建" : "保存"}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {creating && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            childKind === "unit"
              ? `上级主管部门：${target.parent.name}（${target.parent.code}）`
              : "在本区下新建一个主管部门"
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form<Values>
        form={form}
        name="org"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {creating && (
          <Form.Item
            name="code"
            label={`${kindText}编码`}
            extra="与一体化系统中的单位编码一致"
            rules={[
              { required: true, whitespace: true, message: "编码必填" },
              { max: 32, message: "编码不能超过 32 个字符" },
              { pattern: CODE_RE, message: "编码只能包含字母、数字和 . _ -" },
            ]}
          >
            <Input autoFocus />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={creating ? `${kindText}名称` : "单位名称"}
          rules={[
            { required: true, whitespace: true, message: "名称必填" },
            { max: 100, message: "名称不能超过 100 个字" },
            NO_MARKUP,
          ]}
        >
          <Input autoFocus={!creating} />
        </Form.Item>
        <Form.Item name="sector" label="所属行业" rules={[{ max: 40, message: "所属行业不能超过 40 个字" }, NO_MARKUP]}>
          <Input placeholder="如 教育、卫生健康、农林水" />
        </Form.Item>
        <Form.Item
          name="contactName"
          label="联系人"
          rules={[{ max: 40, message: "联系人不能超过 40 个字" }, NO_MARKUP]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label="联系电话"
          rules={[{ pattern: PHONE_RE, message: "联系电话只能包含数字、空格和 + - ( )，5–20 位" }]}
        >
          <Input placeholder="固定电话或手机号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
