import { defineConfig } from "vitest/config";

/** Browser tests: the built web app served by the real server on a cloned demo database, driven by Chromium. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    expect: { poll: { timeout: 20_000, interval: 200 } },
    globalSetup: ["test/global-setup.ts"],
  },
});
