// Types for lint-layers.mjs (the lint is plain Node, the tests are TypeScript).
export type Layer = 'shared' | 'renderer' | 'preload' | 'main';

export interface ModuleReference {
  specifier: string;
  line: number;
  /** Erased at build time (import type, export type, import('…') types, triple-slash references). */
  typeOnly: boolean;
  kind: string;
}

export interface LayerViolation {
  /** 'src/…', forward slashes */
  file: string;
  line: number;
  /** e.g. 'shared/no-node', 'renderer/only-shared', 'renderer/no-rule-catalogue', 'preload/only-electron-and-api' */
  rule: string;
  zh: string;
  en: string;
}

export const SHARED_PACKAGES: string[];
export const RENDERER_PACKAGES: string[];
export function collectSources(root: string): Map<string, string>;
export function layerOf(path: string): Layer | undefined;
export function importsOf(path: string, text: string): ModuleReference[];
export function lintLayers(sources: Map<string, string>): LayerViolation[];
export function formatViolation(violation: LayerViolation): string;
