export interface SizedFile {
  path: string;
  raw: number;
  gzip: number;
}
export interface ContentScriptSize {
  name: string;
  files: SizedFile[];
  raw: number;
  gzip: number;
}
export function gzipBytes(buf: Buffer): number;
/** Each content script of a built extension (its JS plus its CSS), gzip level 9. */
export function contentScriptSizes(extDir: string): ContentScriptSize[];
export function extensionSize(extDir: string): { files: number; raw: number; gzip: number };
export function driverJsSize(): { version: string; files: SizedFile[]; raw: number; gzip: number };
export function driverJsFiles(): { js: string; css: string };
