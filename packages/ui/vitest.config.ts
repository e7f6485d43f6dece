import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '@utvag/vitest-config';

// Tests server-render the components (svelte/server), as the portals do without client JS.
export default defineConfig({
  plugins: [svelte({ configFile: false })],
  resolve: { conditions: ['svelte', 'node'] },
  ssr: { resolve: { conditions: ['svelte', 'node'] } },
  test: { ...sharedTestConfig, include: ['src/**/*.test.ts'], environment: 'node' },
});
