import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { ImportBatchQuery } from "./ports";

/**
 * 导入记录: the region's committed imports, newest first by default. Only committed files are batches: a
 * file with errors writes nothing, so it leaves no record. Importing is the finance bureau's work
 * (`import.run`), and the history is theirs to see, region-wide.
 */
export async function listImports(deps: Deps, actor: Actor, q: ImportBatchQuery) {
  authorize(actor, "import.run");
  return deps.uow.read.imports.listBatches(actor.regionCode, q);
}
