import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths: dist/ works from any static file server or sub-folder.
  base: "./",
  worker: { format: "es" },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1500,
    // Fonts stay files: the Content-Security-Policy allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: (file: string) => (file.endsWith(".woff2") ? false : undefined),
  },
});
