// The layers are enforced, not hoped (README "Layers"): the import-boundary lint (scripts/lint-layers.mjs) and the
// per-layer type checks (tsconfig.shared.json: no DOM, no Node types; tsconfig.renderer.json: no Node types) both
// run in `npm test`. Each is proved once here: a deliberate violation fails with a message naming it; the real tree
// passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSources, formatViolation, importsOf, lintLayers } from '../scripts/lint-layers.mjs';
import { makeTmpDir } from './helpers/tmp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LINT = join(ROOT, 'scripts', 'lint-layers.mjs');

/** The real tree with some files added or replaced. */
function treeWith(files: Record<string, string>): Map<string, string> {
  const sources = collectSources(ROOT);
  for (const [path, text] of Object.entries(files)) sources.set(path, text);
  return sources;
}

/** Relative prefixes the probe files import through (written this way so no path here reads like a folder outside the project). */
const UP1 = '../';
const UP2 = '../../';

describe('import-boundary lint', () => {
  it('passes on the real tree', () => {
    const violations = lintLayers(collectSources(ROOT));
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it('names file, line and rule of each deliberate violation, in Chinese and English', () => {
    const violations = lintLayers(
      treeWith({
        'src/shared/probe-fs.ts': "// pure, supposedly\nimport { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
        'src/shared/probe-up.ts': "export { Grid } from '../renderer/src/grid/Grid';\n",
        'src/shared/probe-env.ts': '/// <reference types="node" />\n/// <reference lib="dom" />\nexport {};\n',
        'src/renderer/src/probe-main.ts': `import type { Book } from '${UP2}shared/book';\nimport { openStore } from '../../main/store';\nexport const x: Book | undefined = undefined;\nexport const open = openStore;\n`,
        'src/renderer/src/probe-node.ts': "export const load = () => import('node:path');\nexport const db = require('better-sqlite3');\n",
        'src/renderer/src/probe-rules.ts': `import { SHANXI_2024_RULES } from '${UP2}shared/validation/rules/shanxi-2024';\nexport const rules = SHANXI_2024_RULES;\n`,
        'src/preload/probe.ts': `import { ipcRenderer } from 'electron';\nimport { MENU_TEXT } from '${UP1}shared/strings';\nimport { readFileSync } from 'fs';\nexport { ipcRenderer, MENU_TEXT, readFileSync };\n`,
      }),
    );
    const found = violations.map((v) => `${v.file}:${v.line} ${v.rule}`);
    expect(found).toEqual([
      'src/preload/probe.ts:2 preload/only-electron-and-api',
      'src/preload/probe.ts:3 preload/no-node',
      'src/renderer/src/probe-main.ts:2 renderer/only-shared',
      'src/renderer/src/probe-node.ts:1 renderer/no-node',
      'src/renderer/src/probe-node.ts:2 renderer/no-main-package',
      'src/renderer/src/probe-rules.ts:1 renderer/no-rule-catalogue',
      'src/shared/probe-env.ts:1 shared/no-ambient-types',
      'src/shared/probe-env.ts:2 shared/no-dom',
      'src/shared/probe-fs.ts:2 shared/no-node',
      'src/shared/probe-up.ts:1 shared/no-outer-layer',
    ]);
    const fs = violations.find((v) => v.file === 'src/shared/probe-fs.ts');
    expect(formatViolation(fs!)).toBe(
      'src/shared/probe-fs.ts:2  [shared/no-node]  共享层 src/shared 不得导入 Node 内置模块 "node:fs" / src/shared must not import the Node built-in "node:fs"',
    );
    expect(formatViolation(violations.find((v) => v.file === 'src/renderer/src/probe-main.ts')!)).toContain('不得导入 主进程 src/main 的 "../../main/store"');
  });

  it('follows run-time imports through a barrel to the rule catalogues; type-only imports ship nothing', () => {
    const sources = new Map([
      ['src/shared/validation/rules/demo.ts', "export const RULES = [{ title: '表一：本年收入合计 = 各项收入之和' }];\n"],
      ['src/shared/validation/types.ts', 'export interface Finding { ruleId: string }\n'],
      ['src/shared/validation/messages.ts', "export const SEVERITY_LABELS = { error: '错误' } as const;\n"],
      ['src/shared/validation/engine.ts', "import { RULES } from './rules/demo';\nexport const count = RULES.length;\n"],
      ['src/shared/validation/index.ts', "export * from './types';\nexport { count } from './engine';\nexport { SEVERITY_LABELS } from './messages';\n"],
      ['src/renderer/src/Panel.tsx', `import type { Finding } from '${UP2}shared/validation';\nimport { SEVERITY_LABELS, type Finding as F } from '${UP2}shared/validation';\nexport const x: Finding | F | string = SEVERITY_LABELS.error;\n`],
      ['src/renderer/src/Fixed.tsx', `import { SEVERITY_LABELS } from '${UP2}shared/validation/messages';\nimport type { Finding } from '${UP2}shared/validation';\nexport const y: Finding | string = SEVERITY_LABELS.error;\n`],
    ]);
    const violations = lintLayers(sources);
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual(['src/renderer/src/Panel.tsx:2 renderer/no-rule-catalogue']);
    expect(violations[0]!.en).toContain('src/shared/validation/index.ts → src/shared/validation/engine.ts → src/shared/validation/rules/demo.ts');
    expect(violations[0]!.zh).toContain('审核规则目录');
  });

  it('sees every import form', () => {
    // Triple-slash directives count only at the top of a file, as in TypeScript itself.
    const text = [
      '/// <reference types="k" />',
      "import a from 'a';",
      "import type { B } from 'b';",
      "import { type C } from 'c';",
      "import 'd';",
      "export * from 'e';",
      "export type { F } from 'f';",
      "import g = require('g');",
      "const h = await import('h');",
      "const i = require('i');",
      "let j: import('j').J;",
      '/// <reference types="late" />',
    ].join('\n');
    const refs = importsOf('src/shared/x.ts', text).map((r) => `${r.specifier}:${r.line}:${r.typeOnly ? 'type' : 'run'}`);
    expect(refs.sort()).toEqual(['k:1:type', 'a:2:run', 'b:3:type', 'c:4:type', 'd:5:run', 'e:6:run', 'f:7:type', 'g:8:run', 'h:9:run', 'i:10:run', 'j:11:type'].sort());
  });

  describe('as the command npm test runs', () => {
    const tmp = makeTmpDir('layers-');
    afterAll(() => tmp.remove());

    it('exits 1 on a violating tree, naming file, line and rule; 0 on the real tree', () => {
      for (const [path, text] of Object.entries({
        'src/shared/money.ts': "import { Buffer } from 'node:buffer';\nexport const bytes = Buffer.from('1');\n",
        'src/renderer/src/App.tsx': "import { openStore } from '../../main/store/open';\nexport const open = openStore;\n",
        'src/main/store/open.ts': 'export function openStore(): void {}\n',
      })) {
        mkdirSync(dirname(tmp.file(path)), { recursive: true });
        writeFileSync(tmp.file(path), text);
      }
      const bad = spawnSync(process.execPath, [LINT, '--root', tmp.path], { encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('src/shared/money.ts:1  [shared/no-node]');
      expect(bad.stderr).toContain('src/renderer/src/App.tsx:1  [renderer/only-shared]');
      expect(bad.stderr).toContain('层次检查失败：2 处违反分层规则');

      const good = spawnSync(process.execPath, [LINT], { cwd: ROOT, encoding: 'utf8' });
      expect(good.stderr).toBe('');
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(/^层次检查通过：\d+ 个源文件/);
    });
  });
});

describe('per-layer type checks', () => {
  const parse = (config: string): ts.ParsedCommandLine => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, config), undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
    if (!parsed) throw new Error(`cannot read ${config}`);
    return parsed;
  };

  /** Type-checks `probe` as if it were a file at `at` under the given layer config; returns tsc's messages. */
  const check = (config: string, at: string, probe: string): string[] => {
    const { options } = parse(config);
    const probePath = join(ROOT, at);
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) => (resolve(fileName) === probePath ? ts.createSourceFile(fileName, probe, language) : getSourceFile(fileName, language, ...rest));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => resolve(fileName) === probePath || fileExists(fileName);
    const program = ts.createProgram({ rootNames: [probePath], options, host });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName.slice(ROOT.length + 1)}(${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : '';
      return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  };

  it('npm test type-checks every layer through the tsconfig.json umbrella, after the lint', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { test: string } };
    expect(pkg.scripts.test).toMatch(/^node scripts\/test-tools\.mjs && node scripts\/lint-layers\.mjs && tsc -b tsconfig\.json && vitest run$/);
    const umbrella = parse('tsconfig.json');
    expect(umbrella.fileNames).toEqual([]);
    expect(umbrella.projectReferences?.map((r) => r.path.slice(ROOT.length + 1)).sort()).toEqual(['tsconfig.node.json', 'tsconfig.renderer.json', 'tsconfig.shared.json']);
  });

  it('gives each layer its own environment, and every source file a layer', () => {
    const shared = parse('tsconfig.shared.json');
    const renderer = parse('tsconfig.renderer.json');
    const node = parse('tsconfig.node.json');
    expect(shared.options.lib).toEqual(['lib.es2022.d.ts']);
    expect(shared.options.types).toEqual([]);
    expect(shared.options.jsx).toBeUndefined();
    expect(renderer.options.lib).toContain('lib.dom.d.ts');
    expect(renderer.options.types).toEqual([]);
    expect(node.options.types).toEqual(['node']);
    const rel = (files: string[]) => new Set(files.map((f) => f.slice(ROOT.length + 1)));
    const [inShared, inRenderer, inNode] = [rel(shared.fileNames), rel(renderer.fileNames), rel(node.fileNames)];
    for (const path of collectSources(ROOT).keys()) {
      if (!/\.(ts|tsx|mts)$/.test(path)) continue;
      const owner = path.startsWith('src/shared/') ? inShared : path.startsWith('src/renderer/') ? inRenderer : inNode;
      expect(owner.has(path), `${path} is type-checked by its layer's config`).toBe(true);
    }
  });

  it('fails shared code that uses the DOM or Node, naming the file and the name', () => {
    const messages = check('tsconfig.shared.json', 'src/shared/probe-layer.ts', 'export const title = document.title;\nexport const argv = process.argv;\nexport const bytes = Buffer.from("1");\nexport const el: HTMLElement | undefined = undefined;\n');
    expect(messages).toEqual([
      expect.stringMatching(/^src\/shared\/probe-layer\.ts\(1\): TS2584 Cannot find name 'document'/),
      expect.stringMatching(/^src\/shared\/probe-layer\.ts\(2\): TS259[01] Cannot find name 'process'/),
      expect.stringMatching(/^src\/shared\/probe-layer\.ts\(3\): TS259[01] Cannot find name 'Buffer'/),
      expect.stringMatching(/^src\/shared\/probe-layer\.ts\(4\): TS2304 Cannot find name 'HTMLElement'/),
    ]);
  });

  it('fails renderer code that uses Node, but not the DOM', () => {
    const messages = check('tsconfig.renderer.json', 'src/renderer/src/probe-layer.ts', 'export const title = document.title;\nexport const env = process.env;\n');
    expect(messages).toEqual([expect.stringMatching(/^src\/renderer\/src\/probe-layer\.ts\(2\): TS259[01] Cannot find name 'process'/)]);
  });

  it('passes the real src/shared', () => {
    const { fileNames, options } = parse('tsconfig.shared.json');
    const program = ts.createProgram({ rootNames: fileNames, options });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }))).toEqual([]);
  });
});
