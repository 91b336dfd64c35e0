import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { REVEAL_EVENT } from '../features/panes/reveal';
import { deriveState } from '../store/derived';
import { studioStore, useStudio } from '../store/studio-store';
import { problemsLabel } from './output-panel';
import './phone-layout.css';
import { useSameArray } from '../store/same-array';

export type Pane = 'list' | 'form' | 'output';

/** Below this width the columns stack, and the phone shows one of them at a time (phone-layout.css). */
export const PHONE_QUERY = '(max-width: 859.98px)';

const PANES: { id: Pane; label: string; panel: string }[] = [
  { id: 'list', label: 'Specialisations', panel: '.list-panel' },
  { id: 'form', label: 'Settings', panel: '.form-panel' },
  { id: 'output', label: 'Output', panel: '.output-panel' },
];

const isPhone = () => typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;

/** The pane an element is in, or null outside the three. */
function paneOf(el: Element | null): Pane | null {
  return PANES.find((p) => el?.closest(p.panel))?.id ?? null;
}

/** Where the window was scrolled in a pane; the form's position is per entry (another entry's form starts at its top). */
function scrollKey(pane: Pane): string {
  const { editingParent, selected } = studioStore.getState();
  return pane === 'form' ? `form:${editingParent ? 'main' : selected}` : pane;
}

/**
 * The app's three columns, and on a phone (below {@link PHONE_QUERY}) one of them at a time with a bar to switch:
 * the specialisations, the form, the output. Hidden panes stay mounted (display: none), so the form's state, the
 * editor's model and undo survive a switch, and each pane gets back its scroll position. Picking an entry in the
 * list (a control marked `data-shows-form`) or the main system anywhere shows the form; moving focus into a hidden
 * pane ({@link REVEAL_EVENT}) shows that pane first. The pane is this component's state alone, so a switch re-renders
 * the bar, not the columns (its children are elements made by the App). Wider screens ignore the pane.
 */
export function PhoneLayout({ children }: { children: ReactNode }) {
  const [pane, setPane] = useState<Pane>('list');
  const main = useRef<HTMLElement>(null);
  const current = useRef(pane);
  const scrolls = useRef(new Map<string, number>());

  const show = useCallback((next: Pane, sync = false) => {
    if (next === current.current) return;
    if (isPhone()) scrolls.current.set(scrollKey(current.current), window.scrollY);
    current.current = next;
    if (sync) flushSync(() => setPane(next));
    else setPane(next);
  }, []);

  // Back where the pane was left, before the browser paints it.
  useLayoutEffect(() => {
    if (isPhone()) window.scrollTo({ top: scrolls.current.get(scrollKey(pane)) ?? 0, behavior: 'instant' });
  }, [pane]);

  useEffect(() => {
    const el = main.current;
    if (!el) return;
    // Synchronously: the element is focused right after the event returns.
    const onReveal = (e: Event) => {
      const target = paneOf(e.target as Element);
      if (target) show(target, true);
    };
    el.addEventListener(REVEAL_EVENT, onReveal);
    // The main system is shown in the form (the list's entry, "Describe the main system" in the boot menu or problems).
    const stop = studioStore.subscribe((s, prev) => {
      if (s.editingParent && !prev.editingParent) show('form');
    });
    return () => {
      el.removeEventListener(REVEAL_EVENT, onReveal);
      stop();
    };
  }, [show]);

  const onClick = (e: MouseEvent) => {
    if ((e.target as Element).closest('[data-shows-form]')) show('form');
  };

  return (
    <>
      <main className="shell-main" data-pane={pane} ref={main} onClick={onClick}>
        {children}
      </main>
      <PaneBar pane={pane} onShow={show} />
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The phone's bar: which pane shows, with a word on each (how many entries, which one is edited, the problems). */
function PaneBar({ pane, onShow }: { pane: Pane; onShow: (pane: Pane) => void }) {
  const count = useStudio((s) => s.project.specialisations.length);
  const editing = useStudio((s) =>
    s.editingParent ? 'Main system' : s.selected < 0 ? 'none selected' : s.project.specialisations[s.selected]?.name || 'unnamed',
  );
  const [errors, warnings] = useStudio(useSameArray((s) => [deriveState(s).errors, deriveState(s).warnings]));
  const details: Record<Pane, string> = {
    list: count ? plural(count, 'entry', 'entries') : 'none yet',
    form: editing,
    output: problemsLabel(errors, warnings),
  };
  const state = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'none';
  return (
    <nav className="pane-bar" aria-label="Panes">
      {PANES.map((p) => (
        <button
          key={p.id}
          type="button"
          className="pane-bar-button"
          aria-current={pane === p.id ? 'true' : undefined}
          aria-label={`${p.label}: ${details[p.id]}`}
          onClick={() => {
            onShow(p.id);
          }}
        >
          <span className="pane-bar-label">{p.label}</span>
          <span className={p.id === 'output' ? `pane-bar-detail pane-bar-problems-${state}` : 'pane-bar-detail'}>{details[p.id]}</span>
        </button>
      ))}
    </nav>
  );
}
