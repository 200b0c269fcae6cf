import { sql } from "drizzle-orm";
import type { AttachmentEntity, AttachmentMeta, AttachmentRepo } from "../../app/attachments/ports";
import type { Executor } from "../client";
import { iso, one, rows } from "./rows";
import { idArray } from "./tasks/task-sql";

const META = sql`select id, entity, record_id, name, media_type, size, sha256, uploader_name, created_at`;

interface Row {
  id: number;
  entity: AttachmentEntity;
  record_id: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploader_name: string;
  created_at: Date | string;
}

const toMeta = (r: Row): AttachmentMeta => ({
  id: r.id,
  entity: r.entity,
  recordId: r.record_id,
  name: r.name,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  uploaderName: r.uploader_name,
  createdAt: iso(r.created_at)!,
});

export function attachmentRepo(ex: Executor): AttachmentRepo {
  return {
    async insert(regionCode, a) {
      const r = await one<Row>(
        ex,
        sql`insert into attachments (region_code, entity, record_id, name, media_type, size, sha256, content,
              uploaded_by, uploader_name)
            values (${regionCode}, ${a.entity}, ${a.recordId}, ${a.name}, ${a.mediaType}, ${a.content.length},
              ${a.sha256}, ${a.content}, ${a.uploadedBy}, ${a.uploaderName})
            returning id, entity, record_id, name, media_type, size, sha256, uploader_name, created_at`,
      );
      return toMeta(r!);
    },
    async meta(regionCode, id) {
      const r = await one<Row>(ex, sql`${META} from attachments where region_code = ${regionCode} and id = ${id}`);
      return r && toMeta(r);
    },
    async content(regionCode, id) {
      const r = await one<{ content: Buffer | Uint8Array }>(
        ex,
        sql`select content from attachments where region_code = ${regionCode} and id = ${id}`,
      );
      return r && (Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content));
    },
    async list(regionCode, entity, recordIds) {
      if (recordIds.length === 0) return [];
      const found = await rows<Row>(
        ex,
        sql`${META} from attachments where region_code = ${regionCode} and entity = ${entity}
            and record_id = any(${idArray(recordIds)}) order by created_at, id`,
      );
      return found.map(toMeta);
    },
    async count(regionCode, entity, recordId) {
      const r = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from attachments where region_code = ${regionCode} and entity = ${entity}
            and record_id = ${recordId}`,
      );
      return r?.n ?? 0;
    },
    async remove(regionCode, id) {
      const r = await rows(
        ex,
        sql`delete from attachments where region_code = ${regionCode} and id = ${id} returning id`,
      );
      return r.length > 0;
    },
  };
}
