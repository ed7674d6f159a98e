import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    // The browser test starts Chromium; keep parallelism modest on a shared 2-core machine.
    maxWorkers: 2,
  },
});
