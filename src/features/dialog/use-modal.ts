import { useEffect, useRef, type RefObject } from 'react';

/**
 * Shows the `<dialog>` as a modal for as long as the component is mounted (an `open` attribute where there is no
 * `showModal`, as in jsdom), then runs `opened` once (to move the focus, say); closes it when unmounted.
 */
export function useModal(ref: RefObject<HTMLDialogElement | null>, opened?: () => void): void {
  const then = useRef(opened);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    then.current?.();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, [ref]);
}
