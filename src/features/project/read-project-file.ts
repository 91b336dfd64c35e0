import { parseProjectText, type ReadResult } from '../../model/read';

/** Project files are a few kilobytes; anything this big is not one, and is refused before reading. */
export const MAX_PROJECT_BYTES = 5 * 1024 * 1024;
/** Above this, parsing could hold the page for more than a frame or two: it goes to a worker. */
const WORKER_ABOVE_BYTES = 256 * 1024;

export type ProjectFileResult = ReadResult | { jsonError: string } | { tooBig: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads and parses a project file without blocking the page; never throws. */
export async function readProjectFile(file: Blob): Promise<ProjectFileResult> {
  if (file.size > MAX_PROJECT_BYTES)
    return {
      tooBig: `it is ${megabytes(file.size)}, and a project file is a few kilobytes (Specialisation Studio opens files up to ${megabytes(MAX_PROJECT_BYTES)})`,
    };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { jsonError: `it could not be read (${(e as Error).message})` };
  }
  if (file.size <= WORKER_ABOVE_BYTES || typeof Worker === 'undefined') return parseProjectText(text);
  const { default: ParseWorker } = await import('./parse-project.worker?worker');
  const worker = new ParseWorker();
  try {
    return await new Promise<ProjectFileResult>((resolve) => {
      worker.onmessage = (event: MessageEvent<ProjectFileResult>) => resolve(event.data);
      worker.onerror = () => resolve(parseProjectText(text));
      worker.postMessage(text);
    });
  } finally {
    worker.terminate();
  }
}
