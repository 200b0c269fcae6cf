import type { Deps } from "../../src/app/context";

/**
 * Deps whose transactions wait until `open()`: a use case has read and checked, its write has not run.
 * `reached` settles when the use case asks for its transaction, so a test can let another write commit
 * in between, making a race deterministic.
 */
export function held(deps: Deps) {
  let open!: () => void;
  let arrive!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const uow = {
    ...deps.uow,
    transaction: async (work: Parameters<Deps["uow"]["transaction"]>[0]) => {
      arrive();
      await gate;
      return deps.uow.transaction(work);
    },
  } as Deps["uow"];
  return { deps: { ...deps, uow }, open, reached };
}

/** Waits until the held use case reached its transaction, or settled before it (refused by its checks). */
export const untilHeld = (h: { reached: Promise<void> }, work: Promise<unknown>) =>
  Promise.race([h.reached, work.then(() => undefined)]);
