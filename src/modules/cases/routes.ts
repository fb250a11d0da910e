import type { Request, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { NotFoundError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { isPublicConsultation, presentListEntry } from '../consultations/presenter';
import { consultationsOfCase } from '../consultations/repository';
import { presentCase } from './presenter';
import { findCaseByRef, hasClosedItems, pointDecisions, processSteps, publicAppearances } from './repository';

/** The public case page /sager/<id or case number>: every meeting the case passed, its consultations and its process plan. */
export function caseRoutes({ db, now }: Pick<RouteDeps, 'db' | 'now'>): RouteDef[] {
  const show = async (req: Request, res: Response) => {
    const found = await findCaseByRef(db, String(req.params.ref ?? ''));
    if (!found) throw new NotFoundError('Sagen');
    const [appearances, steps, consultations] = await Promise.all([publicAppearances(db, found.id), processSteps(db, found.id), consultationsOfCase(db, found.id)]);
    const publicConsultations = consultations.filter(isPublicConsultation);
    // A case known only from closed items does not exist for the public, not even its title.
    const visible = appearances.length > 0 || publicConsultations.length > 0 || (steps.length > 0 && !(await hasClosedItems(db, found.id)));
    if (!visible) throw new NotFoundError('Sagen');
    const points = await pointDecisions(db, appearances.filter((a) => !a.viaSubPoint).map((a) => a.itemId));
    const page = presentCase(found, appearances, points, steps, now());
    res.render('pages/cases/show', {
      pageTitle: `Sag ${found.caseNumber}: ${found.title}`,
      kase: page,
      consultations: publicConsultations.map((c) => presentListEntry(c, now())),
      breadcrumbs: [{ href: '/', text: 'Forside' }, { text: `Sag ${found.caseNumber}` }],
    });
  };
  return [{ method: 'get', path: '/sager/:ref', access: { kind: 'public' }, handlers: [show] }];
}
