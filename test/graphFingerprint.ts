// The fingerprint lives beside the backups that print it; tests import it from here as before.
export { graphFingerprint, type GraphFingerprint, type FingerprintOptions } from '../src/backup/graphFingerprint';
