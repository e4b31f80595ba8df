// Public entry of the classification catalogue (政府收支分类科目).
export {
  Catalogue,
  CatalogueError,
  CLASSIFICATION_IDS,
  CLASSIFICATION_LABELS,
  CODE_LENGTHS,
  codeLengthsText,
  ancestorCodes,
  classCodeOf,
  isClassCode,
  LEVEL_LABELS,
  isClassificationId,
  joinCodeParts,
  levelOfCode,
  parentOfCode,
  parseCatalogueFile,
  splitCode,
} from './catalogue';
export type {
  CatalogueEntry,
  CatalogueFile,
  CatalogueLevel,
  ClassificationId,
  ExtendOptions,
  ExtendResult,
  FindByNameOptions,
  NameCheck,
  RejectedEntry,
  RejectReason,
} from './catalogue';
export { BUNDLED_CATALOGUE_VERSION, bundledCatalogueFiles, defaultCatalogue } from './bundled';
export { cleanCode, cleanName, normaliseName } from './normalise';
