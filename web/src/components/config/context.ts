import { createContext, useContext } from "react";

/** Whether the configuration page around is being edited: its fields and remove buttons read it. */
export const ConfigEditingContext = createContext(false);
export const useConfigEditing = () => useContext(ConfigEditingContext);
