export * from './types';
export { Validator, validateBook, summarise, type ValidatorOptions, type CellWrite } from './engine';
export { rulesForFamily } from './rules/registry';
export { judgeSum } from './rounding';
export { SEVERITY_LABELS } from './messages';
