// Applies pending migrations; refuses a file written by a newer program rather than guessing at its schema.
import type Database from 'better-sqlite3';
import { StoreError, storeMessages } from './errors';
import { LATEST_SCHEMA_VERSION, migrations as defaultMigrations, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Returns the versions applied by this call (empty when the file was already current). */
export function applyMigrations(
  db: Database.Database,
  now: () => Date,
  migrations: readonly Migration[] = defaultMigrations,
): number[] {
  assertWellFormed(migrations);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new StoreError('version-too-new', storeMessages.versionTooNew(current, latest));
  }
  // Bookkeeping table lives outside the numbered list: it must exist before the first migration is recorded.
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // One transaction per migration: a failure leaves the file at the previous version, never in between.
    // IMMEDIATE takes the write lock first, so two processes opening the same new file cannot both migrate.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return; // another connection got there first
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    // Programmer error, not user-facing: versions must be 1, 2, 3 … in order.
    if (m.version !== i + 1) throw new Error(`migrations out of order at index ${i}: version ${m.version}`);
  });
}

export { LATEST_SCHEMA_VERSION };
