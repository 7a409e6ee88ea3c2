export const BUDGETS: {
  /** bytes, gzip level 9, JS + CSS of one content script (20 KB, counted as 20,000 bytes) */
  contentScriptGzip: number;
  latencyMedianMs: number;
  latencyP95Ms: number;
  overheadRatio: number;
  extensionLongTasks: number;
  startupVsDriver: number;
  startupVsPlatformFloor: number;
  outsideVsFloor: number;
};
export interface Row {
  figure: string;
  ours: string;
  driver: string;
  budget: string;
  result: string;
}
export function rows(results: unknown): Row[];
export function textTable(rows: Row[]): string;
export function markdownTable(rows: Row[]): string;
