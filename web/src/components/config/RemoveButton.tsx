import { DeleteOutlined } from "@ant-design/icons";
import { Button, Popconfirm } from "antd";
import { useConfigEditing } from "./context";

/**
 * The remove button of a configuration item: asks first (a removed level or rule is easy to miss in a
 * long page), and is not there while the page is read.
 */
export function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  const editing = useConfigEditing();
  if (!editing) return null;
  return (
    <Popconfirm
      title={`删除${what}？`}
      description="保存前可在“放弃修改”中撤回，保存时列入修改明细。"
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={onRemove}
    >
      <Button type="text" danger aria-label={`删除${what}`} icon={<DeleteOutlined />} />
    </Popconfirm>
  );
}
