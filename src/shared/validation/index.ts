export * from './types';
export { Validator, validateBook, summarise, type ValidatorOptions } from './engine';
export { rulesForFamily } from '../families';
export { judgeSum } from './rounding';
export { SEVERITY_LABELS } from './messages';
