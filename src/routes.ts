import type { Config } from './config';
import type { Db } from './db/knex';
import { adminRoutes } from './modules/admin/routes';
import { minutesPublicRoutes } from './modules/approval/public-routes';
import { approvalRoutes } from './modules/approval/routes';
import type { Publication } from './modules/approval/service';
import { attachmentRoutes } from './modules/attachments/routes';
import { authRoutes } from './modules/auth/routes';
import { boardRoutes } from './modules/boards/routes';
import { budgetTableAdminRoutes } from './modules/budget-tables/admin-routes';
import { caseRoutes } from './modules/cases/routes';
import { committeeAdminRoutes } from './modules/committees/admin-routes';
import { consultationAdminRoutes } from './modules/consultations/admin-routes';
import { consultationAnswerRoutes, consultationPublicRoutes } from './modules/consultations/public-routes';
import { feedRoutes } from './modules/feeds/routes';
import { importRoutes } from './modules/import/routes';
import { oparlRoutes } from './modules/oparl/routes';
import { publicRoutes } from './modules/public/routes';
import { recordingRoutes } from './modules/recording/routes';
import { searchRoutes } from './modules/search/routes';
import type { Mailer } from './modules/mail/mailer';
import { pdfRoutes } from './modules/pdf/routes';
import type { MeetingPdfs } from './modules/pdf/service';
import type { PageCache } from './web/page-cache';
import type { RouteDef } from './web/route-table';

export interface RouteDeps {
  db: Db;
  now: () => Date;
  /** Where uploaded files are stored (DATA_DIR/files) and how large they may be */
  files: { dir: string; maxBytes: number };
  /** siteName and publicBaseUrl (BASE_URL when set) name the OParl system and its ids; without them it uses "Mødebog" and the request's host */
  config: Pick<Config, 'env'> & Partial<Pick<Config, 'siteName' | 'publicBaseUrl'>>;
  mailer: Mailer;
  /** Renders the public referat when a version is published */
  publication: Publication;
  /** The meeting PDFs (src/modules/pdf); absent only where no PDF is ever served (then their routes answer 503) */
  pdf?: MeetingPdfs;
  /** Called after an agenda or minutes became public (PDFs, static site); absent in tests that need neither */
  onPublished?: (meetingId: number) => Promise<void>;
  /** Public pages and values kept while the data is unchanged (src/web/page-cache.ts) */
  cache: PageCache;
}

/** The route table: every route of the app with its access rule. test/security/route-table.test.ts checks it covers them all. */
export function allRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...publicRoutes(deps),
    ...minutesPublicRoutes(deps),
    ...pdfRoutes(deps),
    ...feedRoutes(deps),
    ...searchRoutes(deps),
    ...oparlRoutes(deps),
    ...authRoutes(deps),
    ...adminRoutes(deps),
    ...committeeAdminRoutes(deps),
    ...budgetTableAdminRoutes(deps),
    ...attachmentRoutes(deps),
    ...recordingRoutes(deps),
    ...approvalRoutes(deps),
    ...consultationPublicRoutes(deps),
    ...consultationAnswerRoutes(deps),
    ...consultationAdminRoutes(deps),
    ...caseRoutes(deps),
    ...importRoutes(deps),
    ...boardRoutes(deps),
  ];
}
