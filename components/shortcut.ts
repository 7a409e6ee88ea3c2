import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

/** The shortcut the browser gives the open-side-panel command (the agent may have changed it). */
export function useShortcut(): string {
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setShortcut(all.find((c) => c.name === OPEN_SIDE_PANEL_COMMAND)?.shortcut ?? ''))
      .catch(() => {});
  }, []);
  return shortcut;
}
