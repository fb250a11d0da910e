import type { HelperDelegate } from 'handlebars';
import { array } from './array';
import { eq } from './eq';
import { option } from './option';
import { or } from './or';
import { plural } from './plural';
import { str } from './str';

/** Every template helper, registered explicitly (one file each). */
export const helpers: Record<string, HelperDelegate> = { array, eq, option, or, plural, str };
