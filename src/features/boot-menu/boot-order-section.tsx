import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../model/types';
import type { BootMenu } from '../../nixos/boot-menu';
import { bootloaderLimits } from '../../nixos/boot-once';
import { hasSortKey, moveEntry, PARENT, sortKeys, wantedOrder } from '../../nixos/boot-order';
import { useEdit } from '../form/use-edit';
import { setBootOrder } from './boot-edits';

export const ORDER_LABEL = 'Order of the boot entries';

const entryName = (n: string) => (n === PARENT ? 'Main system' : n);

/**
 * The order of the newest generation's entries: up and down buttons write `bootOrder`, and the
 * module writes the `sortKey`s that give it, where systemd-boot and the release allow. Elsewhere it
 * says what order the bootloader gives and why.
 */
export function BootOrderSection({ project, menu }: { project: Project; menu: BootMenu }) {
  const edit = useEdit();
  const limits = bootloaderLimits(project);
  const canOrder = menu.bootloader === 'systemd-boot' && hasSortKey(project.nixosRelease);
  const order = wantedOrder(project);
  const keys = sortKeys(project);
  const [focus, setFocus] = useState<{ name: string; dir: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    // A moved entry keeps the focus; at an end, on its other button.
    const item = list.current.querySelector<HTMLElement>(`li[data-entry="${CSS.escape(focus.name)}"]`);
    const wanted = item?.querySelector<HTMLButtonElement>(`button[data-dir="${focus.dir}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`button[data-dir="${focus.dir === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focus, order.join('\n')]); // eslint-disable-line react-hooks/exhaustive-deps

  const move = (name: string, by: -1 | 1) => {
    edit(null, (p) => setBootOrder(p, moveEntry(p, name, by)));
    setFocus({ name, dir: by < 0 ? 'up' : 'down' });
  };
  const shown = canOrder ? order : menuOrder(menu);
  return (
    <section className="boot-designer-section" aria-labelledby="boot-order-heading">
      <h3 id="boot-order-heading">Order</h3>
      <p className="boot-designer-note">{limits.order}</p>
      {shown.length > 1 && (
        <ol ref={list} className="boot-order-list" aria-label={ORDER_LABEL}>
          {shown.map((name, i) => (
            <li key={name === PARENT ? '\0parent' : name} data-entry={name} className="boot-order-item">
              <span className="boot-order-name">{entryName(name)}</span>
              {keys && <code className="boot-order-key">sort-key {keys.get(name)}</code>}
              {canOrder && (
                <span className="boot-order-buttons">
                  <button
                    type="button"
                    className="button-small"
                    data-dir="up"
                    aria-label={`Move ${entryName(name)} up`}
                    disabled={i === 0}
                    onClick={() => move(name, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className="button-small"
                    data-dir="down"
                    aria-label={`Move ${entryName(name)} down`}
                    disabled={i === shown.length - 1}
                    onClick={() => move(name, 1)}
                  >
                    ↓ Down
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canOrder && keys && (
        <>
          <p className="boot-designer-note">
            The module writes these sort keys (<code>boot.loader.systemd-boot.sortKey</code>): systemd-boot sorts by sort key
            first, so each entry keeps its place, and its older generations follow it, newest first. Older generations keep
            the keys they were built with.
          </p>
          <pre className="boot-sortkey-lines" role="region" tabIndex={0} aria-label="Sort key lines in the module">
            {order
              .map((n) =>
                n === PARENT
                  ? `boot.loader.systemd-boot.sortKey = "${keys.get(n)}";`
                  : `specialisation.${n}.configuration.boot.loader.systemd-boot.sortKey = lib.mkForce "${keys.get(n)}";`,
              )
              .join('\n')}
          </pre>
          <button type="button" className="button-small" onClick={() => edit(null, (p) => setBootOrder(p, []))}>
            Use systemd-boot&apos;s own order
          </button>
        </>
      )}
    </section>
  );
}

/** The newest generation's entries as the menu lists them (where no order can be set). */
function menuOrder(menu: BootMenu): string[] {
  return menu.entries.filter((e) => !e.secondary).map((e) => e.specialisation ?? PARENT);
}
