/**
 * Where the background keeps the flow state: session storage (gone when the browser closes;
 * README.md, "What is stored where"). The background writes it; the side panel and popup read it
 * (trusted contexts only). `*_KEY` in WXT's storage notation (`session:` area prefix), `*_ITEM` as
 * `storage.session` names them.
 */
export const STATE_ITEM = 'engine-state';
export const STATE_KEY = `session:${STATE_ITEM}` as const;
/**
 * Present while the background cannot save (session storage full): the stored state is not the
 * current progress. The side panel and popup say so.
 */
export const UNSAVED_ITEM = 'engine-unsaved';
export const UNSAVED_KEY = `session:${UNSAVED_ITEM}` as const;
/** The background's journals of browser events, one per service-worker run (`engine-journal:<run>`). */
export const JOURNAL_PREFIX = 'engine-journal:';
