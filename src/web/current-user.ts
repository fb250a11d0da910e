import type { RequestHandler } from 'express';
import type { Db } from '../db/knex';
import { findUserById } from '../modules/auth/repository';

/** Loads the signed-in user (if any) into res.locals.user, and moves a flash message into the page. */
export function currentUser(db: Db): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session?.userId;
    if (userId) {
      const user = await findUserById(db, userId);
      if (user) res.locals.user = user;
      else delete req.session.userId; // disabled or deleted since login
    }
    if (req.session?.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    next();
  };
}
