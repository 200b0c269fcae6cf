import { pointsText } from "../../core/selfeval/grade";
import type { AdoptionRecord } from "./adoption-ports";

/** An adoption as the API shows it: the average as points text; the snapshot stays behind (the list is the record). */
export const presentAdoption = ({ snapshot: _s, average, ...a }: AdoptionRecord) => ({
  ...a,
  average: average === null ? null : pointsText(average),
});
