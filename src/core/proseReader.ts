import { sliceClock, yieldToHost } from './events';
import { DEFAULT_LIMITS } from './limits';
import { hashText, proseOfNote, type NoteProse } from './noteProse';
import { decodeText, type ServiceWorkspace } from './workspace';

/** A note to read. `knownHash`: the note's hash in the index; when it is still that, the parse is skipped. */
export interface ProseRequest {
  readonly uri: string;
  readonly knownHash?: string;
}

/** What reading a note gave: its prose, "unchanged" (same hash), or why it was skipped or could not be read. */
export type ProseResult =
  | { readonly uri: string; readonly hash: string; readonly prose: NoteProse }
  | { readonly uri: string; readonly hash: string; readonly unchanged: true }
  | { readonly uri: string; readonly skip: string }
  | { readonly uri: string; readonly error: string };

/**
 * Reads and parses notes into prose, off the host's critical path: worker threads on Node, small slices of the
 * host's own thread elsewhere. Results may come in any order; `read` resolves when all have been delivered or
 * `cancelled()` turned true.
 */
export interface ProseReader {
  read(requests: readonly ProseRequest[], maxChars: number, onResult: (r: ProseResult) => void, cancelled: () => boolean): Promise<void>;
  dispose?(): void;
}

/** One note read and parsed here. */
export async function readProse(workspace: Pick<ServiceWorkspace, 'readFile'>, req: ProseRequest, maxChars: number): Promise<ProseResult> {
  let text: string;
  try {
    const bytes = await workspace.readFile(req.uri);
    if (bytes.length > maxChars * 3) return { uri: req.uri, skip: `skipped: ${bytes.length} bytes is over the limit` };
    text = decodeText(bytes);
  } catch (e) {
    return { uri: req.uri, error: (e as Error).message };
  }
  const hash = hashText(text);
  if (hash === req.knownHash) return { uri: req.uri, hash, unchanged: true };
  const r = proseOfNote(text, { ...DEFAULT_LIMITS, maxChars });
  return 'prose' in r ? { uri: req.uri, hash, prose: r.prose } : { uri: req.uri, skip: r.skip };
}

/**
 * Reads notes through the workspace and parses them on this thread, one at a time, yielding to the host between
 * slices of at most `sliceMs`: for hosts without worker threads (the web extension host).
 */
export function inProcessReader(workspace: Pick<ServiceWorkspace, 'readFile'>, sliceMs = 15): ProseReader {
  return {
    async read(requests, maxChars, onResult, cancelled) {
      const due = sliceClock(sliceMs);
      for (const req of requests) {
        if (cancelled()) return;
        onResult(await readProse(workspace, req, maxChars));
        if (due()) await yieldToHost();
      }
    },
  };
}
