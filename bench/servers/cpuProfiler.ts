import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Lets the parent record a CPU profile of exactly the timed part of a run: the first SIGUSR2
 * starts V8's sampling profiler (the one `node --cpu-prof` uses, through the inspector protocol),
 * the second stops it and writes the profile as `.cpuprofile` JSON to `file`, then prints
 * `{"profile": file}` on stdout. Start-up, loading and warm-up stay out of the profile.
 */
export function profileOnSignal(file: string, samplingIntervalUs = 1000): void {
  const session = new Session();
  session.connect();
  let running = false;
  let busy: Promise<void> = Promise.resolve();
  process.on('SIGUSR2', () => {
    busy = busy.then(async () => {
      if (!running) {
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
        await session.post('Profiler.start');
        running = true;
        process.stdout.write(`${JSON.stringify({ profiling: true })}\n`);
      } else {
        const { profile } = await session.post('Profiler.stop');
        running = false;
        // Written aside and renamed, so that a parent polling for the file never reads half of it.
        fs.writeFileSync(`${file}.partial`, JSON.stringify(profile));
        fs.renameSync(`${file}.partial`, file);
        process.stdout.write(`${JSON.stringify({ profile: file })}\n`);
      }
    });
  });
}
