/** The signed-in account and the fiscal year chosen in the header, for every page. */
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { Action } from "../../../src/core/permissions";
import type { Me } from "../api/types";

interface Session {
  me: Me;
  can: (action: Action) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo<Session>(() => {
    const perms = new Set(me.permissions);
    return { me, can: (action) => perms.has(action) };
  }, [me]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

const YEAR_KEY = "jixiao.year";
export const DEFAULT_YEAR = 2024;

interface YearState {
  year: number;
  setYear: (y: number) => void;
}

const YearContext = createContext<YearState>({ year: DEFAULT_YEAR, setYear: () => {} });

function initialYear(): number {
  try {
    const y = Number(window.localStorage.getItem(YEAR_KEY));
    if (Number.isInteger(y) && y >= 2000 && y <= 2100) return y;
  } catch {
    // storage may be disabled
  }
  return DEFAULT_YEAR;
}

export function YearProvider({ children }: { children: ReactNode }) {
  const [year, setYearState] = useState(initialYear);
  const value = useMemo<YearState>(
    () => ({
      year,
      setYear: (y) => {
        setYearState(y);
        try {
          window.localStorage.setItem(YEAR_KEY, String(y));
        } catch {
          // ignore
        }
      },
    }),
    [year],
  );
  return <YearContext.Provider value={value}>{children}</YearContext.Provider>;
}

export const useYear = () => useContext(YearContext);
