import path from 'node:path';
import { create, type ExpressHandlebars } from 'express-handlebars';
import { helpers } from './helpers';

export const VIEWS_DIR = path.resolve(__dirname, '../../views');

/** One Handlebars engine for the web and (later) PDFs and the static site, so every output renders from the same templates. */
export function createViewEngine(): ExpressHandlebars {
  return create({
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
}
