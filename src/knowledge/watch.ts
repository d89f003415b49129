import { type FSWatcher, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { describeError, type Logger } from '../log.js';

/**
 * How long the folder must stay quiet before a change is reported: one save is several events
 * (an editor writes a temporary file and renames it over the old one), a `git pull` many more.
 */
export const WATCH_DEBOUNCE_MS = 300;

export interface FolderWatch {
  close(): void;
}

/** Editor droppings, not knowledge: swap and lock files (`.facts.yaml.swp`, `#x#`) and backups (`x~`). */
function isScratch(name: string | null): boolean {
  return name !== null && (name.startsWith('.') || name.startsWith('#') || name.endsWith('~'));
}

/**
 * Calls `onChange` once the knowledge folder has been quiet for `debounceMs` after a change to
 * any file in it or in one of its source folders. Each folder is watched on its own, not with
 * `{ recursive: true }`: on Linux, Node 20 watches the files themselves then, and misses every
 * edit after the first save that replaces a file (as editors and `sed -i` do).
 */
export function watchFolder(
  root: string,
  onChange: () => void,
  options: { readonly logger: Logger; readonly debounceMs?: number },
): FolderWatch {
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (name: string | Buffer | null) => {
    if (closed || isScratch(name === null ? null : String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(settle, debounceMs).unref();
  };
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => changed(name));
      // A watched folder that goes away (a source removed) errors; the next settle forgets it.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
        changed(null);
      });
      watchers.set(dir, watcher);
    } catch (error) {
      options.logger.warn({ dir, err: describeError(error) }, 'cannot watch this knowledge folder');
    }
  };
  /** Watches the root and each folder in it as they are now: sources come and go. */
  const follow = () => {
    let folders: string[] = [];
    try {
      folders = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(root, entry.name));
    } catch {
      // The root itself is gone: the reload says so; watching resumes when it is back.
    }
    for (const [dir, watcher] of watchers) {
      if (dir !== root && !folders.includes(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    add(root);
    for (const dir of folders) add(dir);
  };
  function settle() {
    if (closed) return;
    follow();
    onChange();
  }

  follow();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
