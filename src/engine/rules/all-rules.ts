import { cycle } from './cycle';
import { databaseCoupling } from './database-coupling';
import { internalImport } from './internal-import';
import { packageImport } from './package-import';
import type { Rule } from './rule';
import { uncheckedFile } from './unchecked-file';
import { undeclaredDependency } from './undeclared-dependency';
import { unownedFile } from './unowned-file';
import { unresolvedImport } from './unresolved-import';

export const ALL_RULES: readonly Rule[] = [internalImport, undeclaredDependency, cycle, unownedFile, unresolvedImport, databaseCoupling, packageImport, uncheckedFile];
