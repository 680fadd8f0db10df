import type { Db } from '../../db/connect.ts';
import { cachedRegions, type RegionLookup } from './regions.ts';
import { cachedSignatures, type SignatureLookup } from './signatures.ts';
import { cachedSuspensions, type SuspensionLookup } from './suspensions.ts';
import { cachedTemplates, type TemplateLookup } from './templates.ts';

/** What the accept step reads on every send, each cached briefly in the API process (the files say how long). */
export interface AcceptLookups {
  template: TemplateLookup;
  signatures: SignatureLookup;
  regions: RegionLookup;
  suspension: SuspensionLookup;
}

export function cachedLookups(db: Db): AcceptLookups {
  return { template: cachedTemplates(db), signatures: cachedSignatures(db), regions: cachedRegions(db), suspension: cachedSuspensions(db) };
}
