import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths: dist/ works from any static file server or sub-folder.
  base: "./",
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 1500 },
});
