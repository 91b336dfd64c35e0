const placeholderModule = `{ config, pkgs, ... }:
{
  specialisation = { };
}
`;

export function App() {
  return (
    <div className="shell">
      <header className="shell-header">
        <img className="shell-mark" src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="40" height="40" />
        <div>
          <h1>Specialisation Studio</h1>
          <p className="tagline">
            Describe NixOS specialisations in forms and get the <code>specialisation.&lt;name&gt;.configuration</code>{' '}
            module written for you.
          </p>
        </div>
      </header>

      <main className="shell-main">
        <section className="panel" aria-labelledby="specialisations-heading">
          <h2 id="specialisations-heading">Specialisations</h2>
          <p className="empty">
            No specialisations yet. Each one becomes an extra boot entry, such as a gaming desktop or an offline
            work profile, built on top of your main configuration.
          </p>
        </section>

        <section className="panel" aria-labelledby="generated-heading">
          <h2 id="generated-heading">Generated Nix</h2>
          <pre className="code" tabIndex={0} aria-label="Generated NixOS module">
            <code>{placeholderModule}</code>
          </pre>
        </section>
      </main>

      <footer className="shell-footer">
        <p>Runs entirely in your browser: nothing you enter is sent anywhere.</p>
      </footer>
    </div>
  );
}
