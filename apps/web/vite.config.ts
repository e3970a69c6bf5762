import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the SPA talks to a running `gatescope serve` (default port 7080) through this proxy.
const server = process.env['GATESCOPE_SERVER'] ?? 'http://127.0.0.1:7080';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: server, changeOrigin: false } } },
});
