import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by `xinyu serve` from dist/ at `/`; it talks to the API at `/v1` on the same origin.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
