// Only ever imported through `import()` in load-monaco.ts, so all of this is a lazy chunk.
// Features are picked one by one (monaco-editor/features/<name>/register); `hover` alone would add ~85 kB gzip,
// and syntax errors are shown at the field and in the problems list anyway (F8 shows them in the editor).
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
// The suggest widget and snippet insertion, for the option paths offered in the editors (option-completion.ts).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordOperations/register';
import { followColorScheme } from './color-scheme';
import { registerNix } from './nix-language';

// Nix has no language service here: the plain editor worker (diffs, links, word ranges) is all Monaco needs.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerNix(monaco);
followColorScheme(monaco);

export { monaco };
