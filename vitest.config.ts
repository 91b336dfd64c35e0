import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      // For a loaded 2-core machine (npm test while another runs), not an idle one: vitest's 5 s default failed
      // there. Tests that call real Nix or start processes give their own, longer timeouts (src/test/nix.ts).
      testTimeout: 30_000,
      hookTimeout: 30_000,
      exclude: [...configDefaults.exclude, 'e2e/**', 'dist/**'],
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['./vitest.setup-dom.ts'],
          },
        },
      ],
    },
  }),
);
