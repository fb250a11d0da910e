import path from 'node:path';
import { create, type ExpressHandlebars } from 'express-handlebars';
import { helpers } from './helpers';

export const VIEWS_DIR = path.resolve(__dirname, '../../views');

let shared: ExpressHandlebars | undefined;

/**
 * The one Handlebars engine of the process, for the web, the PDFs and the static site, so every output
 * renders from the same templates. Shared by every app in the process: with the view cache on, each
 * template is compiled once per process, not once per app (the publisher makes an app per run).
 */
export function viewEngine(): ExpressHandlebars {
  shared ??= create({
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
