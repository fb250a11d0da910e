import type { Config } from './config';
import type { Db } from './db/knex';
import { adminRoutes } from './modules/admin/routes';
import { minutesPublicRoutes } from './modules/approval/public-routes';
import { approvalRoutes } from './modules/approval/routes';
import type { Publication } from './modules/approval/service';
import { attachmentRoutes } from './modules/attachments/routes';
import { authRoutes } from './modules/auth/routes';
import { budgetTableAdminRoutes } from './modules/budget-tables/admin-routes';
import { committeeAdminRoutes } from './modules/committees/admin-routes';
import { publicRoutes } from './modules/public/routes';
import { recordingRoutes } from './modules/recording/routes';
import type { Mailer } from './modules/mail/mailer';
import type { RouteDef } from './web/route-table';

export interface RouteDeps {
  db: Db;
  now: () => Date;
  /** Where uploaded files are stored (DATA_DIR/files) and how large they may be */
  files: { dir: string; maxBytes: number };
  config: Pick<Config, 'env'>;
  mailer: Mailer;
  /** Renders the public referat when a version is published */
  publication: Publication;
}

/** The route table: every route of the app with its access rule. test/security/route-table.test.ts checks it covers them all. */
export function allRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...publicRoutes(deps),
    ...minutesPublicRoutes(deps),
    ...authRoutes(deps),
    ...adminRoutes(deps),
    ...committeeAdminRoutes(deps),
    ...budgetTableAdminRoutes(deps),
    ...attachmentRoutes(deps),
    ...recordingRoutes(deps),
    ...approvalRoutes(deps),
  ];
}
