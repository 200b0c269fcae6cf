import { compareTables } from "../../../core/disclosure/compare";
import type { FigureFinding, PublicationBody } from "../../../core/disclosure/types";
import type { Actor, Deps } from "../../context";

/** What a kind is prepared for: the year, and a department when the publication is one department's. */
export interface KindInput {
  fiscalYear: number;
  departmentId?: number | undefined;
  /** A kind whose text is drafted (`derivesText`): finance's template, kept across refreshes. */
  template?: unknown;
}

/**
 * A kind of publication: how its body is built from the data now (`prepare`), and which printed figures the
 * data no longer gives (`check`, run when the approver publishes; usually `rebuildCheck(prepare)`). Both run
 * as the acting finance user, through the modules' own use cases and repositories.
 */
export interface PublicationKindDef {
  label: string;
  /**
   * The text is drafted from a template and the data (the annual report): the drafter edits the template, not
   * the blocks, and a refresh redrafts the blocks too.
   */
  derivesText?: boolean;
  prepare(deps: Deps, actor: Actor, input: KindInput): Promise<PublicationBody>;
  check(
    deps: Deps,
    actor: Actor,
    body: PublicationBody,
    fiscalYear: number,
    departmentId?: number | undefined,
  ): Promise<FigureFinding[]>;
}

/** The check most kinds need: build the tables again from the data now and compare every cell. */
export const rebuildCheck =
  (prepare: PublicationKindDef["prepare"]): PublicationKindDef["check"] =>
  async (deps, actor, body, fiscalYear, departmentId) =>
    compareTables(body.tables, (await prepare(deps, actor, { fiscalYear, departmentId })).tables);
