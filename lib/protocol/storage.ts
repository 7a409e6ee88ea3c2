/**
 * Where the background keeps the flow state: session storage (gone when the browser closes; SPEC.md
 * "Privacy"). The background writes it; the side panel and popup read it (trusted contexts only).
 */
export const STATE_KEY = 'session:engine-state' as const;
