import type { HelperDelegate } from 'handlebars';
import { eq } from './eq';
import { plural } from './plural';

/** Every template helper, registered explicitly (one file each). */
export const helpers: Record<string, HelperDelegate> = { eq, plural };
