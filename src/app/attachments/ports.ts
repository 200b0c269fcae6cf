/** Ports of attachments (附件): files kept with the record they belong to. src/db implements them. */

/** The records files may be attached to. */
/** `evaluation_report`: the final versions of an evaluation's report, every upload kept (the newest is current). */
export const ATTACHMENT_ENTITIES = [
  "monitoring_action",
  "rectification_item",
  "evaluation",
  "evaluation_report",
] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

export interface AttachmentMeta {
  id: number;
  entity: AttachmentEntity;
  recordId: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploaderName: string;
  createdAt: string;
}

export interface AttachmentRepo {
  insert(
    regionCode: string,
    a: {
      entity: AttachmentEntity;
      recordId: number;
      name: string;
      mediaType: string;
      sha256: string;
      content: Buffer;
      uploadedBy: number | null;
      uploaderName: string;
    },
  ): Promise<AttachmentMeta>;
  meta(regionCode: string, id: number): Promise<AttachmentMeta | null>;
  content(regionCode: string, id: number): Promise<Buffer | null>;
  /** The files of these records, oldest first. */
  list(regionCode: string, entity: AttachmentEntity, recordIds: readonly number[]): Promise<AttachmentMeta[]>;
  count(regionCode: string, entity: AttachmentEntity, recordId: number): Promise<number>;
  remove(regionCode: string, id: number): Promise<boolean>;
}
