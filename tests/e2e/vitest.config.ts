import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["harness/globalSetup.ts"],
    // Each file starts its own bot, Playground and maybe Chromium: one at a time on a shared 2-core machine.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
