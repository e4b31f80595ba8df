// The import-boundary lint, run by `npm test` (DESIGN.md §6; README "Layers").
//   src/shared    pure: nothing from src/main, src/renderer or src/preload, no Node built-ins, no Electron, no DOM
//                 packages; npm packages only from SHARED_PACKAGES; no `/// <reference types|lib>` to Node or DOM.
//   src/renderer  only itself, src/shared and resources; never src/main or src/preload, Electron, Node built-ins,
//                 better-sqlite3, exceljs…; npm packages only from RENDERER_PACKAGES. Never the rule catalogues
//                 (src/shared/validation/rules/**): not directly, and not at run time through another shared module
//                 (a barrel), so no rule title ships in the renderer bundle.
//   src/preload   only electron and src/shared/api/**.
//   src/main      never src/renderer or src/preload (the shell loads them by path, not by import).
// Every import form counts: import/export … from, import x = require(), import(), require(), import('…') types and
// triple-slash references. The per-layer type checks (tsconfig.shared.json: no DOM, no Node types; …) are the
// other half: they catch globals such as `document` or `process`, this catches modules.
//
// CLI: `node scripts/lint-layers.mjs [--root DIR]` — exit 0 when clean, 1 with one line per violation (file:line,
// rule, Chinese / English). API (tests): collectSources(root), lintLayers(sources), formatViolation(v).
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** npm packages src/shared may import: pure ES, no Node, DOM or Electron. Add one here only after checking that. */
export const SHARED_PACKAGES = ['decimal.js'];
/** npm packages the renderer may import besides what shared may. */
export const RENDERER_PACKAGES = [...SHARED_PACKAGES, 'react', 'react-dom'];
/** Packages that mean "main process" wherever they appear outside it (named in the message). */
const MAIN_ONLY_PACKAGES = ['electron', 'better-sqlite3', 'exceljs', '@e965/xlsx', 'xlsx'];

const RULES_DIR = 'src/shared/validation/rules/';
const CODE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

const LAYER_NAMES = {
  shared: '共享层 src/shared',
  renderer: '界面层 src/renderer',
  preload: '预加载 src/preload',
  main: '主进程 src/main',
};

/** All source files under root/src, as a Map of 'src/…' (forward slashes) → text. */
export function collectSources(root) {
  const sources = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (CODE.test(entry.name)) {
        sources.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(join(root, 'src'));
  return sources;
}

/** The layer a project path belongs to, or undefined (tests, scripts, resources). */
export function layerOf(path) {
  const match = /^src\/(shared|renderer|preload|main)\//.exec(path);
  return match ? match[1] : undefined;
}

/**
 * Every module reference in one file: { specifier, line, typeOnly, kind }.
 * typeOnly: erased at build time (import type, export type, all-`type` named imports, import('x') types,
 * triple-slash references), so it cannot pull code into a bundle — but it still counts for the layer rules.
 */
export function importsOf(path, text) {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.endsWith('.js') || path.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const lineAt = (pos) => file.getLineAndCharacterOfPosition(pos).line + 1;
  const add = (specifierNode, typeOnly, form) => {
    if (specifierNode && ts.isStringLiteralLike(specifierNode)) {
      found.push({ specifier: specifierNode.text, line: lineAt(specifierNode.getStart(file)), typeOnly, kind: form });
    }
  };
  const allTypeOnly = (elements) => elements.length > 0 && elements.every((element) => element.isTypeOnly);

  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && allTypeOnly(clause.namedBindings.elements)));
      add(node.moduleSpecifier, typeOnly, 'import');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const typeOnly = node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && allTypeOnly(node.exportClause.elements));
      add(node.moduleSpecifier, typeOnly, 'export from');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, 'import = require');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false, 'import()');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(node.arguments[0], false, 'require()');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, 'import() type');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  for (const ref of file.referencedFiles) found.push({ specifier: ref.fileName, line: lineAt(ref.pos), typeOnly: true, kind: 'reference path' });
  for (const ref of file.typeReferenceDirectives) found.push({ specifier: ref.fileName, line: lineAt(ref.pos), typeOnly: true, kind: 'reference types' });
  for (const ref of file.libReferenceDirectives) found.push({ specifier: ref.fileName, line: lineAt(ref.pos), typeOnly: true, kind: 'reference lib' });
  return found;
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));

/**
 * What a reference points at: { type: 'file', path } (a project path, resolved against `sources` where it can be),
 * { type: 'builtin', name }, { type: 'package', name } or, for triple-slash types/lib, { type: 'types'|'lib', name }.
 */
export function resolveReference(from, ref, sources) {
  if (ref.kind === 'reference types') return { type: 'types', name: ref.specifier };
  if (ref.kind === 'reference lib') return { type: 'lib', name: ref.specifier.toLowerCase() };
  const specifier = ref.specifier;
  if (specifier.startsWith('.') || ref.kind === 'reference path') {
    const base = posix.normalize(posix.join(posix.dirname(from), specifier));
    const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, '');
    for (const candidate of [base, ...RESOLVE_SUFFIXES.map((suffix) => stripped + suffix)]) {
      if (sources.has(candidate)) return { type: 'file', path: candidate };
    }
    return { type: 'file', path: base };
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) {
    return { type: 'builtin', name: specifier };
  }
  const parts = specifier.split('/');
  return { type: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const v = (rule, zh, en) => ({ rule, zh, en });

/** The layer rule a single reference breaks, or undefined. */
function check(layer, target, ref) {
  const what = `"${ref.specifier}"`;
  const layerName = LAYER_NAMES[layer];
  if (target.type === 'builtin') {
    return layer === 'main' ? undefined : v(`${layer}/no-node`, `${layerName} 不得导入 Node 内置模块 ${what}`, `src/${layer} must not import the Node built-in ${what}`);
  }
  if (target.type === 'types') {
    if (layer === 'main') return undefined;
    return v(`${layer}/no-ambient-types`, `${layerName} 不得用 /// <reference types=${what}> 引入环境类型`, `src/${layer} must not pull in ambient types with /// <reference types=${what}>`);
  }
  if (target.type === 'lib') {
    const pureEs = /^es(?:next|\d{4}|5|6)(?:\.|$)/.test(target.name) || target.name === 'decorators' || target.name === 'decorators.legacy';
    if (layer !== 'shared' || pureEs) return undefined;
    return v('shared/no-dom', `${layerName} 不得用 /// <reference lib=${what}> 引入 DOM 等宿主类型`, `src/shared must not pull in host types with /// <reference lib=${what}>`);
  }
  if (target.type === 'package') {
    const name = target.name;
    if (layer === 'main') return undefined;
    if (layer === 'preload') {
      return name === 'electron' && ref.specifier === 'electron'
        ? undefined
        : v('preload/only-electron-and-api', `${layerName} 只能导入 electron 和 src/shared/api/**，不能导入 ${what}`, `src/preload may import only electron and src/shared/api/**, not ${what}`);
    }
    const allowed = layer === 'shared' ? SHARED_PACKAGES : RENDERER_PACKAGES;
    if (allowed.includes(name)) return undefined;
    if (MAIN_ONLY_PACKAGES.includes(name)) {
      return v(`${layer}/no-main-package`, `${layerName} 不得导入主进程专用的包 ${what}`, `src/${layer} must not import the main-process package ${what}`);
    }
    const list = layer === 'shared' ? 'SHARED_PACKAGES' : 'RENDERER_PACKAGES';
    return v(
      `${layer}/package`,
      `${layerName} 导入了未登记的包 ${what}；确认它不依赖 Node/Electron${layer === 'shared' ? '/DOM' : ''} 后登记到 scripts/lint-layers.mjs 的 ${list}`,
      `src/${layer} imports the unlisted package ${what}; once it is known to need no Node/Electron${layer === 'shared' ? '/DOM' : ''}, add it to ${list} in scripts/lint-layers.mjs`,
    );
  }
  // A project file.
  const path = target.path;
  const targetLayer = layerOf(path);
  const inResources = path.startsWith('resources/');
  if (layer === 'shared') {
    if (targetLayer === 'shared' || inResources) return undefined;
    return v('shared/no-outer-layer', `${layerName} 不得导入 ${targetLayer ? LAYER_NAMES[targetLayer] : path} 的 ${what}`, `src/shared must not import ${what} from ${targetLayer ? `src/${targetLayer}` : path}`);
  }
  if (layer === 'renderer') {
    if (path.startsWith(RULES_DIR)) {
      return v('renderer/no-rule-catalogue', `${layerName} 不得导入审核规则目录 ${what}（${RULES_DIR}**）`, `src/renderer must not import the rule catalogue ${what} (${RULES_DIR}**)`);
    }
    if (targetLayer === 'renderer' || targetLayer === 'shared' || inResources) return undefined;
    return v('renderer/only-shared', `${layerName} 只能导入 src/shared，不得导入 ${targetLayer ? LAYER_NAMES[targetLayer] : path} 的 ${what}`, `src/renderer may import only src/shared, not ${what} from ${targetLayer ? `src/${targetLayer}` : path}`);
  }
  if (layer === 'preload') {
    if (targetLayer === 'preload' || path.startsWith('src/shared/api/')) return undefined;
    return v('preload/only-electron-and-api', `${layerName} 只能导入 electron 和 src/shared/api/**，不能导入 ${what}（${path}）`, `src/preload may import only electron and src/shared/api/**, not ${what} (${path})`);
  }
  if (layer === 'main' && (targetLayer === 'renderer' || targetLayer === 'preload')) {
    return v('main/no-ui', `${LAYER_NAMES.main} 不得导入 ${LAYER_NAMES[targetLayer]} 的 ${what}`, `src/main must not import ${what} from src/${targetLayer}`);
  }
  return undefined;
}

/**
 * Lints a set of sources (Map 'src/…' → text; see collectSources). Returns the violations, each
 * { file, line, rule, zh, en }, sorted by file and line.
 */
export function lintLayers(sources) {
  const violations = [];
  const edges = new Map(); // path → [{ ref, target }]
  for (const [path, text] of sources) {
    const list = importsOf(path, text).map((ref) => ({ ref, target: resolveReference(path, ref, sources) }));
    edges.set(path, list);
    const layer = layerOf(path);
    if (!layer) continue;
    for (const { ref, target } of list) {
      const broken = check(layer, target, ref);
      if (broken) violations.push({ file: path, line: ref.line, ...broken });
    }
  }

  // The renderer bundle: a rule catalogue must not be reachable at run time through any module the renderer imports.
  const chainToRules = new Map(); // path → undefined (clean) | [path, …, rules file]
  const reach = (path, visiting) => {
    if (chainToRules.has(path)) return chainToRules.get(path);
    if (path.startsWith(RULES_DIR)) return [path];
    if (visiting.has(path)) return undefined;
    visiting.add(path);
    let chain;
    for (const { ref, target } of edges.get(path) ?? []) {
      if (ref.typeOnly || target.type !== 'file') continue;
      const rest = reach(target.path, visiting);
      if (rest) {
        chain = [path, ...rest];
        break;
      }
    }
    visiting.delete(path);
    chainToRules.set(path, chain);
    return chain;
  };
  for (const [path, list] of edges) {
    if (layerOf(path) !== 'renderer') continue;
    for (const { ref, target } of list) {
      if (ref.typeOnly || target.type !== 'file' || layerOf(target.path) !== 'shared' || target.path.startsWith(RULES_DIR)) continue;
      const chain = reach(target.path, new Set());
      if (!chain) continue;
      const via = chain.join(' → ');
      violations.push({
        file: path,
        line: ref.line,
        rule: 'renderer/no-rule-catalogue',
        zh: `界面层 src/renderer 运行时经 "${ref.specifier}" 引入了审核规则目录（规则标题会打进界面包）：${via}；请直接导入所需的模块（如 validation/types、validation/messages），不要经过汇总导出（barrel）`,
        en: `src/renderer pulls a rule catalogue into its bundle at run time through "${ref.specifier}": ${via}; import the module you need (e.g. validation/types, validation/messages) instead of a barrel`,
      });
    }
  }
  return violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

export function formatViolation(violation) {
  return `${violation.file}:${violation.line}  [${violation.rule}]  ${violation.zh} / ${violation.en}`;
}

function main(argv) {
  const at = argv.indexOf('--root');
  const root = resolve(at >= 0 && argv[at + 1] ? argv[at + 1] : dirname(dirname(fileURLToPath(import.meta.url))));
  const sources = collectSources(root);
  const violations = lintLayers(sources);
  if (violations.length === 0) {
    console.log(`层次检查通过：${sources.size} 个源文件 / layer check passed: ${sources.size} source files`);
    return 0;
  }
  for (const violation of violations) console.error(formatViolation(violation));
  console.error(`层次检查失败：${violations.length} 处违反分层规则（见 README「Layers」）/ layer check failed: ${violations.length} violation(s) (README "Layers")`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
