import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Vite config of the ParkOS web app; the build lands in dist/web, which the server serves. */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  // Brotli and gzip copies of the bundle beside it, served by the server as they are.
  plugins: [precompress()],
  resolve: {
    alias: {
      '@parkos/contracts': here('../../packages/contracts/src/index.ts'),
    },
  },
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
