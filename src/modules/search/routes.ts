import type { Request, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { fieldErrors, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { presentResults } from './presenter';
import { formValues, searchParamsSchema } from './schema';
import { searchChoices, searchPublic } from './service';

const VIEW = 'pages/public/search';
const TITLE = 'Søg i dagsordener og referater';

/**
 * /soeg. In the static site it is Pagefind's search over the published pages,
 * working with no server; the live site searches the database's public index
 * (src/modules/search/README.md).
 */
export function searchRoutes({ db, cache }: RouteDeps): RouteDef[] {
  const search = async (req: Request, res: Response) => {
    if (res.locals.staticSite) {
      res.render('pages/public/static-search', { pageTitle: 'Søg i dagsordener og referater' });
      return;
    }
    const parsed = searchParamsSchema.safeParse(req.query);
    // The search runs while the form's choices are read; an unknown committee finds nothing
    // (and its result is not shown: the form answers with a message instead).
    const searching =
      parsed.success && parsed.data.q !== ''
        ? searchPublic(db, {
            text: parsed.data.q,
            filters: { committeeSlug: parsed.data.udvalg, year: parsed.data.aar, type: parsed.data.type },
            page: parsed.data.side ?? 1,
          })
        : null;
    // Never an unhandled rejection while the choices are awaited; the error surfaces where the search is awaited.
    searching?.catch(() => undefined);
    // The same for every search while the data is unchanged (committees and meetings are tracked changes).
    const { committees, years } = await cache.remember('search-choices', () => searchChoices(db));
    const form = {
      pageTitle: TITLE,
      committeeOptions: committees.map((c) => ({ value: c.slug, text: c.label })),
      yearOptions: years.map((y) => ({ value: String(y), text: String(y) })),
      typeOptions: [
        { value: 'dagsorden', text: 'Dagsordener' },
        { value: 'referat', text: 'Referater' },
      ],
      breadcrumbs: [{ href: '/', text: 'Forside' }, { text: 'Søg' }],
    };

    const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
    if (parsed.success && parsed.data.udvalg !== undefined && !committees.some((c) => c.slug === parsed.data.udvalg)) {
      errors.push({ field: 'udvalg', message: 'Vælg et udvalg fra listen' });
    }
    if (!parsed.success || errors.length > 0) {
      // The page number is no field of the form: its message points at the search field.
      const shown = errors.map((e) => (e.field === 'side' ? { ...e, field: 'q' } : e)).filter((e, i, all) => all.findIndex((o) => o.field === e.field) === i);
      renderInvalid(res, VIEW, form, shown, formValues(req.query));
      return;
    }

    const params = parsed.data;
    const values = { q: params.q, udvalg: params.udvalg ?? '', aar: params.aar === undefined ? '' : String(params.aar), type: params.type ?? '' };
    if (!searching) {
      // No search typed: the form alone.
      res.render(VIEW, { ...form, values, errors: {} });
      return;
    }
    const page = params.side ?? 1;
    const outcome = await searching;
    const results = presentResults(outcome, { q: params.q, committeeSlug: params.udvalg, year: params.aar, type: params.type }, page);
    res.render(VIEW, {
      ...form,
      pageTitle: `Søgeresultater for »${params.q}«${page > 1 ? `, side ${page}` : ''}`,
      values,
      errors: {},
      results,
    });
  };
  return [{ method: 'get', path: '/soeg', access: { kind: 'public' }, handlers: [search] }];
}
