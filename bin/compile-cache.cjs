// Node < 22 has no module.enableCompileCache(): this keeps V8's compiled code for the CLI bundle (out/main) between
// runs, which saves ~10 % of a `check` (the bundle is ~1 MB of JavaScript parsed at every start). Only our own built
// files are cached, in a folder only this user can write (V8 code caches must not come from anyone else), keyed by
// a hash of the file's path and text, so a rebuild never meets stale code. Any failure just compiles normally.
'use strict';
const Module = require('node:module');
const vm = require('node:vm');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

/** Compiles files under `builtDir` through V8's code cache kept in the user's cache folder. */
function installCompileCache(builtDir) {
  const loadDefault = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!loadDefault) return; // dynamic import() inside the bundle needs it
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || path.join(os.homedir(), '.cache');
  const dir = path.join(base, 'budget-workbench', 'compile-cache', process.version);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o022) !== 0) return; // writable by others: never trust it
  } catch {
    return;
  }
  const root = path.resolve(builtDir) + path.sep;
  const compile = Module.prototype._compile;
  // Written after the run, when V8 has compiled the functions the run used; one listener for every file.
  const pending = new Map();
  process.once('exit', () => {
    for (const [file, script] of pending) {
      try {
        fs.writeFileSync(file, script.createCachedData(), { mode: 0o600 });
      } catch {
        // a read-only or full disk only costs the next start its cache
      }
    }
  });
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(root)) return compile.call(this, content, filename);
    const file = path.join(dir, crypto.createHash('sha256').update(filename).update('\0').update(content).digest('hex'));
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: loadDefault });
    } catch {
      return compile.call(this, content, filename);
    }
    if (!cachedData || script.cachedDataRejected) pending.set(file, script);
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
}

module.exports = { installCompileCache };
