/** Small Fluent-style glyphs (decorative; the text beside them carries the meaning). */
const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' as const, focusable: 'false' as const };

export const CheckIcon = () => (
  <svg {...base}><path fill="currentColor" d="M13.86 3.66a.5.5 0 0 1-.02.7l-7.93 7.48a.6.6 0 0 1-.84-.02L2.15 8.93a.5.5 0 0 1 .72-.7l2.63 2.7 7.65-7.29a.5.5 0 0 1 .7.02Z" /></svg>
);
export const SkipIcon = () => (
  <svg {...base}><path fill="currentColor" d="M3 8a.5.5 0 0 1 .5-.5h9a.5.5 0 0 1 0 1h-9A.5.5 0 0 1 3 8Z" /></svg>
);
export const WarningIcon = () => (
  <svg {...base} width={20} height={20} viewBox="0 0 20 20"><path fill="currentColor" d="M8.68 2.79a1.5 1.5 0 0 1 2.64 0l6.5 12A1.5 1.5 0 0 1 16.5 17h-13a1.5 1.5 0 0 1-1.32-2.21l6.5-12ZM10 7a.6.6 0 0 0-.6.6v4a.6.6 0 0 0 1.2 0v-4A.6.6 0 0 0 10 7Zm0 7.8a.8.8 0 1 0 0-1.6.8.8 0 0 0 0 1.6Z" /></svg>
);
export const OpenIcon = () => (
  <svg {...base} width={12} height={12}><path fill="currentColor" d="M6 3a.5.5 0 0 1 0 1H4.5C4.22 4 4 4.22 4 4.5v7c0 .28.22.5.5.5h7a.5.5 0 0 0 .5-.5V10a.5.5 0 0 1 1 0v1.5c0 .83-.67 1.5-1.5 1.5h-7A1.5 1.5 0 0 1 3 11.5v-7C3 3.67 3.67 3 4.5 3H6Zm3-.5c0-.28.22-.5.5-.5h4c.28 0 .5.22.5.5v4a.5.5 0 0 1-1 0V3.7L9.85 6.85a.5.5 0 1 1-.7-.7L12.29 3H9.5a.5.5 0 0 1-.5-.5Z" /></svg>
);
export const PanelIcon = () => (
  <svg {...base}><path fill="currentColor" d="M2 4.5C2 3.67 2.67 3 3.5 3h9c.83 0 1.5.67 1.5 1.5v7c0 .83-.67 1.5-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5v-7ZM10 4v8h2.5a.5.5 0 0 0 .5-.5v-7a.5.5 0 0 0-.5-.5H10ZM9 4H3.5a.5.5 0 0 0-.5.5v7c0 .28.22.5.5.5H9V4Z" /></svg>
);
export const AddIcon = () => (
  <svg {...base}><path fill="currentColor" d="M8 2.5a.5.5 0 0 1 .5.5v4.5H13a.5.5 0 0 1 0 1H8.5V13a.5.5 0 0 1-1 0V8.5H3a.5.5 0 0 1 0-1h4.5V3a.5.5 0 0 1 .5-.5Z" /></svg>
);
export const CopyIcon = () => (
  <svg {...base}><path fill="currentColor" d="M5 2.5C5 1.67 5.67 1 6.5 1h5c.83 0 1.5.67 1.5 1.5v8c0 .83-.67 1.5-1.5 1.5h-5A1.5 1.5 0 0 1 5 10.5v-8ZM6.5 2a.5.5 0 0 0-.5.5v8c0 .28.22.5.5.5h5a.5.5 0 0 0 .5-.5v-8a.5.5 0 0 0-.5-.5h-5ZM3 4.5c0-.37.2-.7.5-.87v7.37A2 2 0 0 0 5.5 13h5.37A1.5 1.5 0 0 1 9.5 14h-4A2.5 2.5 0 0 1 3 11.5v-7Z" /></svg>
);
export const LogoMark = () => (
  <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <rect x="1" y="1" width="18" height="18" rx="5" fill="var(--eg-brand)" />
    <path d="M6 10.2 8.6 12.8 14 7.2" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
);
