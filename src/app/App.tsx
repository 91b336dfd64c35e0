import { lazy, Suspense } from 'react';
import { SpecialisationForm } from '../features/form/specialisation-form';
import { LoadBoundary } from '../features/load-error/load-boundary';
import { CatalogDiagnostics } from '../features/options/use-catalog-diagnostics';
import { ParentImport } from '../features/parent/parent-import';
import { ParentPanel } from '../features/parent/parent-panel';
import { ProjectMenu } from '../features/project/project-menu';
import { UndoRedo } from '../features/project/undo-redo';
import { useUndoShortcuts } from '../features/project/use-undo-shortcuts';
import { SpecialisationList } from '../features/specialisations/specialisation-list';
import type { QueryClient } from '@tanstack/react-query';
import { useStudio } from '../store/studio-store';
import { Notices } from './notices';
import { OutputPanel } from './output-panel';
import { PhoneLayout } from './phone-layout';
import { PlainPreview } from './plain-preview';
import { Providers } from './providers';

// Monaco is large: the preview pane arrives after the forms are usable.
const PreviewPane = lazy(() => import('../features/preview/preview-pane').then((m) => ({ default: m.PreviewPane })));

export function App({ queryClient }: { queryClient?: QueryClient }) {
  useUndoShortcuts();
  const editingParent = useStudio((s) => s.editingParent);
  return (
    <Providers queryClient={queryClient}>
      <CatalogDiagnostics />
      <div className="shell">
        <header className="shell-header">
          <div className="brand">
            <img className="shell-mark" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="36" height="36" />
            <div>
              <h1>Specialisation Studio</h1>
              <p className="tagline">
                NixOS <code>specialisation.&lt;name&gt;.configuration</code>, written for you.
              </p>
            </div>
          </div>
          <div className="header-controls">
            <ProjectMenu />
            <UndoRedo />
          </div>
        </header>

        <Notices />

        <PhoneLayout>
          <SpecialisationList />

          <section className="panel form-panel" aria-labelledby="form-heading">
            <h2 id="form-heading">Settings</h2>
            {editingParent ? (
              <ParentPanel importAction={<ParentImport />} />
            ) : (
              <SpecialisationForm />
            )}
          </section>

          <OutputPanel
            nix={
              <LoadBoundary part="The preview" fallback={<PlainPreview />}>
                <Suspense fallback={<PlainPreview />}>
                  <PreviewPane />
                </Suspense>
              </LoadBoundary>
            }
          />
        </PhoneLayout>

        <footer className="shell-footer">
          <p>Runs entirely in your browser: nothing you enter is sent anywhere.</p>
        </footer>
      </div>
    </Providers>
  );
}
