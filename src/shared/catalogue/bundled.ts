// The catalogue data shipped with the application (resources/catalogue/*.json), loaded once.
import economicDept from '../../../resources/catalogue/economic-dept-2024.json';
import economicGov from '../../../resources/catalogue/economic-gov-2024.json';
import functionData from '../../../resources/catalogue/function-2024.json';
import govFundIncome from '../../../resources/catalogue/gov-fund-income-2024.json';
import stateCapitalIncome from '../../../resources/catalogue/state-capital-income-2024.json';
import { Catalogue, parseCatalogueFile, type CatalogueFile } from './catalogue';

/** Version label of the bundled catalogue. */
export const BUNDLED_CATALOGUE_VERSION = '2024';

/** The bundled files, parsed and typed (a fresh array each call; the entries are shared). */
export function bundledCatalogueFiles(): CatalogueFile[] {
  return [functionData, govFundIncome, stateCapitalIncome, economicDept, economicGov].map((raw) =>
    parseCatalogueFile(raw as unknown),
  );
}

let cached: Catalogue | undefined;

/** The bundled 2024 catalogue (immutable, built on first use). */
export function defaultCatalogue(): Catalogue {
  cached ??= new Catalogue(bundledCatalogueFiles());
  return cached;
}
