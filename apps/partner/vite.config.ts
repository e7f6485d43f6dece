import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The workspace packages ship TypeScript source, so they are bundled; their npm dependencies stay external.
  ssr: { noExternal: [/^@utvag\//] },
});
