// One SvelteKit configuration for both portals: adapter-node, a strict Content-Security-Policy, and the shared
// page template. Each app's svelte.config.js is `export default portalConfig()`.
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const appTemplate = fileURLToPath(new URL('./app.html', import.meta.url));

/** @returns {import('@sveltejs/kit').Config} */
export function portalConfig() {
  return {
    preprocess: vitePreprocess(),
    kit: {
      adapter: adapter(),
      files: { appTemplate },
      // Only our own scripts (hashed by SvelteKit), no framing, forms post only to ourselves.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
          'base-uri': ['self'],
          'object-src': ['none'],
        },
      },
    },
  };
}
