/** Sentences and values with names or ids inserted, each in `<bdi>`: its direction stays its own. */
import type { TextPart } from './text';

export function Parts({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <bdi key={i}>{p.isolate}</bdi>))}</>;
}
