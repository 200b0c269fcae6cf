import { PlusOutlined } from "@ant-design/icons";
import { Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useConfigEditing } from "./context";

/**
 * A list of short names (level-2 indicators, word lists) as tags. While the page is edited a name is
 * added by typing it and pressing Enter, and removed by its ×, which asks first; names added since the
 * stored version are marked. Read, it is a plain list of tags. Works as a Form.Item control.
 */
export function TagListInput({
  id,
  value,
  onChange,
  what,
  maxLength,
  placeholder = "输入后回车添加",
  stored,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  /** What one entry is, for the confirmation: "二级指标". */
  what: string;
  maxLength?: number;
  placeholder?: string;
  /** The stored list: entries not in it are marked as added. */
  stored?: readonly string[] | undefined;
}) {
  const editing = useConfigEditing();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const list = value ?? [];

  const add = () => {
    const name = draft.trim();
    if (name === "") return;
    if (list.includes(name)) {
      setError(`已有“${name}”`);
      return;
    }
    onChange?.([...list, name]);
    setDraft("");
    setError(null);
  };

  // Read, the names are plain chips: antd's Tag would be greyed out by the disabled form around it.
  if (!editing)
    return list.length === 0 ? (
      <Typography.Text type="secondary">（无）</Typography.Text>
    ) : (
      <div id={id} className="jx-config-chips">
        {list.map((name) => (
          <span key={name} className="jx-config-chip">
            {name}
          </span>
        ))}
      </div>
    );

  return (
    <div>
      <Space size={[4, 4]} wrap style={{ marginBottom: 4 }}>
        {list.map((name) => {
          const added = stored !== undefined && !stored.includes(name);
          return (
            <Tag key={name} color={added ? "green" : undefined} style={{ marginInlineEnd: 0 }}>
              {name}
              <Popconfirm
                title={`删除${what}“${name}”？`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => onChange?.(list.filter((x) => x !== name))}
              >
                <button type="button" className="jx-config-tag-x" aria-label={`删除${what}“${name}”`}>
                  ×
                </button>
              </Popconfirm>
            </Tag>
          );
        })}
      </Space>
      <Input
        id={id}
        size="small"
        value={draft}
        maxLength={maxLength}
        status={error ? "error" : undefined}
        prefix={<PlusOutlined style={{ color: "rgba(0,0,0,0.35)" }} />}
        placeholder={placeholder}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onPressEnter={(e) => {
          e.preventDefault();
          add();
        }}
        onBlur={add}
        style={{ maxWidth: 260 }}
      />
      {error && (
        <Typography.Text type="danger" style={{ marginLeft: 8, fontSize: 12 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
