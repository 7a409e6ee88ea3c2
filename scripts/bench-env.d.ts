// The benchmark build's flag (wxt.config.ts, EG_BENCH=1, scripts/bench.mjs): only that build carries the start-up marks.
interface ImportMetaEnv {
  readonly EG_BENCH: boolean;
}
