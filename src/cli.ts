import { BackupError, ConfigError, SeedValidationError } from './errors';

/**
 * Runs a command-line entry point: expected failures (bad configuration, a bad seed file, a backup
 * file that cannot be restored) print their one clear message and exit 1; anything else prints its
 * stack, since it is a bug.
 */
export function runCli(main: (args: string[]) => Promise<number | void>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof SeedValidationError || error instanceof BackupError) {
        console.error(`error: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exitCode = 1;
    },
  );
}
