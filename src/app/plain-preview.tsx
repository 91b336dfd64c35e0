import { useDerived } from '../store/derived';

/** The generated module as plain text, shown until the Monaco preview has loaded. */
export function PlainPreview() {
  const { text } = useDerived();
  return (
    <pre className="code" tabIndex={0} aria-label="Generated NixOS module">
      <code>{text}</code>
    </pre>
  );
}
