import { useId, useState } from 'react';
import { lspciToBusId } from '../../model/validate';

type BusField = 'nvidiaBusId' | 'intelBusId' | 'amdgpuBusId';

/** Turns what lspci prints (`0a:00.0`, hexadecimal) into the decimal bus ID NixOS wants (`PCI:10:0:0`). */
export function LspciHelper({ onUse }: { onUse: (field: BusField, busId: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const busId = lspciToBusId(text);
  return (
    <div className="lspci-helper">
      <label htmlFor={id}>Convert an lspci address</label>
      <p className="field-hint" id={`${id}-hint`}>
        Run <code>lspci | grep -E &apos;VGA|3D&apos;</code> and paste a line, such as <code>0a:00.0 VGA compatible controller: NVIDIA …</code>
      </p>
      <input id={id} aria-describedby={`${id}-hint ${id}-result`} type="text" className="mono" autoComplete="off" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder="0a:00.0" />
      <p id={`${id}-result`} className="lspci-result" aria-live="polite">
        {text.trim() === '' ? '' : busId ? <>NixOS bus ID: <code>{busId}</code></> : 'Not an lspci address: it starts like 0a:00.0'}
      </p>
      {busId && (
        <div className="button-row">
          <button type="button" className="button-small" onClick={() => onUse('nvidiaBusId', busId)}>
            Use as NVIDIA bus ID
          </button>
          <button type="button" className="button-small" onClick={() => onUse('intelBusId', busId)}>
            Use as Intel bus ID
          </button>
          <button type="button" className="button-small" onClick={() => onUse('amdgpuBusId', busId)}>
            Use as AMD bus ID
          </button>
        </div>
      )}
    </div>
  );
}
