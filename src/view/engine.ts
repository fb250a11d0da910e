import path from 'node:path';
import { ExpressHandlebars } from 'express-handlebars';
import { helpers } from './helpers';

export const VIEWS_DIR = path.resolve(__dirname, '../../views');

/**
 * express-handlebars gathers the partials anew for every render when the view cache is on: a
 * look-up of each of the 22 partials' compiled templates, by path, through a promise each (about
 * 4 % of a full static publish's time). With the cache on they never change in the process, so
 * they are gathered once; with it off (development) every render reads them as before.
 */
class TemplateEngine extends ExpressHandlebars {
  private cachedPartials: ReturnType<ExpressHandlebars['getPartials']> | undefined;

  override getPartials(options: Parameters<ExpressHandlebars['getPartials']>[0] = {}): ReturnType<ExpressHandlebars['getPartials']> {
    if (!options.cache) return super.getPartials(options);
    this.cachedPartials ??= super.getPartials(options).catch((error: unknown) => {
      this.cachedPartials = undefined;
      throw error;
    });
    return this.cachedPartials;
  }
}

let shared: ExpressHandlebars | undefined;

/**
 * The one Handlebars engine of the process, for the web, the PDFs and the static site, so every output
 * renders from the same templates. Shared by every app in the process: with the view cache on, each
 * template is compiled once per process, not once per app (the publisher makes an app per run).
 */
export function viewEngine(): ExpressHandlebars {
  shared ??= new TemplateEngine({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: path.join(VIEWS_DIR, 'layouts'),
    partialsDir: path.join(VIEWS_DIR, 'partials'),
    helpers,
    // Partials called on an indented line must not indent their content: that would change <textarea> values.
    compilerOptions: { preventIndent: true },
    // Rendered HTML of rich text goes through the sanitizer in the presenters; everything else is escaped.
    runtimeOptions: { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  });
  return shared;
}
