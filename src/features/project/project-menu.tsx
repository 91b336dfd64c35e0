import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { RELEASES, type Release } from '../../model/types';
import { releaseLabel } from '../../nixos/releases';
import { useStudio } from '../../store/studio-store';
import { ImportEntry } from '../import/import-entry';
import { PatchEntry } from '../patch/patch-entry';
import { changeRelease, newProject, openProjectFile, saveProjectFile } from './project-actions';

/** New, Open…, Import Nix…, Save and the target NixOS release. */
export function ProjectMenu() {
  const queryClient = useQueryClient();
  const release = useStudio((s) => s.project.nixosRelease);
  const empty = useStudio((s) => s.project.specialisations.length === 0);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="project-menu" role="group" aria-label="Project">
      <button type="button" className="button" onClick={newProject} disabled={empty}>
        New
      </button>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        Open…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Open project file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) await openProjectFile(file);
        }}
      />
      <ImportEntry onProjectFile={(file) => void openProjectFile(file)} />
      <PatchEntry />
      <button type="button" className="button" onClick={saveProjectFile}>
        Save
      </button>
      <label className="release-select">
        <span>NixOS release</span>
        <select value={release} onChange={(e) => changeRelease(e.target.value as Release, queryClient)} data-field-path="nixosRelease" id="f-nixosRelease">
          {RELEASES.map((r) => (
            <option key={r} value={r}>
              {releaseLabel(r)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
