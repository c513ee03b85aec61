import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { GraphFingerprint } from './graphFingerprint';

/** Where `npm run backup` writes unless told (`--dir`, `--out`); ignored by git. */
export const DEFAULT_BACKUP_DIR = path.join(PROJECT_ROOT, 'backups');

/** A file-name-safe UTC time: 2026-12-02T09-41-05Z. */
export function backupStamp(at = new Date()): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

export function fileSize(file: string): string {
  const bytes = fs.statSync(file).size;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line an operator compares between a backup and its restore. */
export function describeFingerprint(fingerprint: GraphFingerprint): string {
  return `Graph: ${fingerprint.nodes} nodes, ${fingerprint.relationships} relationships, fingerprint ${fingerprint.checksum.slice(0, 16)}.`;
}
