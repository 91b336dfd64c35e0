import { lazy, Suspense, useRef, type ComponentType, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { LoadBoundary } from '../features/load-error/load-boundary';
import { useDerived } from '../store/derived';
import { useStudio, type OutputTab } from '../store/studio-store';
import './output-panel.css';

// The boot menu (with its designer and the main system's bootloader notes) loads with its tab: not part of the first load.
const BootMenuPanel = lazy(() => import('../features/boot-menu/boot-menu-panel').then((m) => ({ default: m.BootMenuPanel })));
// The comparison of entries is read by few, and only when its tab is open: not part of the first load.
const ComparePanel = lazy(() => import('../features/compare/compare-panel').then((m) => ({ default: m.ComparePanel })));
// How to apply is read once the module is written: not part of the first load either.
const ApplyPanel = lazy(() => import('../features/apply/apply-panel').then((m) => ({ default: m.ApplyPanel })));

/** `short`: what a phone shows of the label (phone-layout.css), which stays the tab's name. */
const TABS: { id: OutputTab; label: string; short?: string; heading: string }[] = [
  { id: 'nix', label: 'Generated Nix', short: 'Nix', heading: 'generated-heading' },
  { id: 'boot-menu', label: 'Boot menu', heading: 'boot-menu-heading' },
  { id: 'compare', label: 'Compare', heading: 'compare-heading' },
  { id: 'apply', label: 'How to apply', short: 'Apply', heading: 'apply-heading' },
];

/**
 * The column beside the form: the generated module, the boot menu it gives and how to apply it, as
 * tabs (WAI-ARIA tabs pattern: arrows, Home and End move between tabs and show them). Each panel
 * holds a region named like its tab, so "Generated Nix" stays a region. The module's panel stays
 * mounted while hidden, so its editor keeps its state.
 */
export function OutputPanel({ nix }: { nix: ReactNode }) {
  const tab = useStudio((s) => s.outputTab);
  const show = useStudio((s) => s.showOutput);
  const tabs = useRef<Partial<Record<OutputTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % TABS.length
      : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? TABS.length - 1
      : null;
    if (next === null) return;
    e.preventDefault();
    show(TABS[next].id);
    tabs.current[TABS[next].id]?.focus();
  };

  const panel = (id: OutputTab, content: ReactNode) => {
    const t = TABS.find((x) => x.id === id)!;
    return (
      <div role="tabpanel" id={`output-panel-${id}`} aria-labelledby={`output-tab-${id}`} hidden={tab !== id} className="output-tabpanel">
        <section aria-labelledby={t.heading} className="output-section">
          <h2 id={t.heading} className="visually-hidden">
            {t.label}
          </h2>
          {content}
        </section>
      </div>
    );
  };
  /** A tab whose panel is a lazy chunk, loaded when the tab is first shown and mounted only while it is. */
  const lazyPanel = (id: OutputTab, part: string, what: string, Panel: ComponentType) =>
    panel(
      id,
      tab === id && (
        <LoadBoundary part={part}>
          <Suspense fallback={<p className="output-loading">{`Loading ${what}…`}</p>}>
            <Panel />
          </Suspense>
        </LoadBoundary>
      ),
    );

  return (
    <div className="panel preview-panel output-panel">
      <div className="output-head">
        <div role="tablist" aria-label="Output" className="output-tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`output-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`output-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="output-tab"
              onClick={() => show(t.id)}
            >
              {t.short ? (
                <>
                  <span className="output-tab-long">{t.label}</span>
                  <span className="output-tab-short" aria-hidden="true">
                    {t.short}
                  </span>
                </>
              ) : (
                t.label
              )}
            </button>
          ))}
        </div>
        <ProblemsCount onJump={() => flushSync(() => show('nix'))} />
      </div>
      {panel('nix', nix)}
      {lazyPanel('boot-menu', 'The boot menu', 'the boot menu', BootMenuPanel)}
      {lazyPanel('compare', 'The comparison', 'the comparison', ComparePanel)}
      {lazyPanel('apply', 'How to apply', 'how to apply', ApplyPanel)}
    </div>
  );
}

/** "1 error, 2 warnings", "No problems": the count beside the output tabs and in the phone's bar. */
export function problemsLabel(errors: number, warnings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean);
  return counts.length ? counts.join(', ') : 'No problems';
}

/**
 * The module's errors and warnings, always in sight beside the tabs (the list itself is below the editor, often
 * out of the panel's view): a button that shows the module's tab and moves to the problems list.
 */
function ProblemsCount({ onJump }: { onJump: () => void }) {
  const { errors, warnings } = useDerived();
  const label = problemsLabel(errors, warnings);
  const state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'none';
  return (
    <button
      type="button"
      className={`problems-count problems-count-${state}`}
      onClick={() => {
        onJump();
        const heading = document.querySelector<HTMLElement>('section[aria-label="Problems"] h3');
        heading?.focus();
        heading?.scrollIntoView?.({ block: 'start' });
      }}
    >
      {label}
      <span className="visually-hidden">: go to the problems list</span>
    </button>
  );
}
