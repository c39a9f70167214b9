import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by `xinyu serve` from dist/ at `/`; it talks to the API at `/v1` on the
// same origin. `npm run dev` proxies the API to a running server: XINYU_URL, default :8080.
const api = process.env.XINYU_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/v1': api, '/openapi.json': api } },
});
