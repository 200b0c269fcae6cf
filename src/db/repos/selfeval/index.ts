import type { SelfEvalRepo } from "../../../app/selfeval/ports";
import type { Executor } from "../../client";
import { selfEvalFormsRepo } from "./forms";
import { selfEvalReads } from "./reads";
import { selfEvalRoundsRepo } from "./rounds";

export const selfEvalRepo = (ex: Executor): SelfEvalRepo => ({
  ...selfEvalRoundsRepo(ex),
  ...selfEvalFormsRepo(ex),
  ...selfEvalReads(ex),
});
