import express, { type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * The explorer page at /explore (web/explorer, built into dist/web by npm run build). Like
 * GraphiQL, a missing bundle stops the server at start rather than at the first visit.
 */
export function exploreRoute(): Router {
  const explorerHtml = path.join(PROJECT_ROOT, 'dist', 'web', 'explorer.html');
  if (!fs.existsSync(explorerHtml)) throw new Error(`"${explorerHtml}" is missing: run "npm run build" first.`);
  const router = express.Router();
  router.get('/explore', (_req, res) => {
    res.sendFile(explorerHtml);
  });
  return router;
}
