import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Internal errors provoked by tests are logged here, not in the user's data folder.
    env: { BW_LOG_DIR: 'tests/.tmp/logs' },
  },
});
