/**
 * The first `npm start` on an empty store seeds a small, realistic catalogue (~200 trainings across all
 * competence groups, some modular, a few stopped or replaced), so a newcomer sees a working site at once:
 * registration items → stream → republish → snapshot → site build. Off with DEMO_SEED=off (tests).
 */
import { hasNoRegistrations, seedRegistrations } from './registrations';

export const DEMO_TRAININGS = 200;

export async function seedDemoIfEmpty(table: string, log: (line: string) => void): Promise<void> {
  if (process.env.DEMO_SEED === 'off') return;
  if (!(await hasNoRegistrations(table))) return;
  const started = Date.now();
  const result = await seedRegistrations({ table, count: DEMO_TRAININGS });
  log(`demo data: ${result.organisations} organisations and ${result.registrations} registrations seeded ` +
    `(${result.published} to publish) in ${((Date.now() - started) / 1000).toFixed(1)} s — the site follows shortly (DEMO_SEED=off skips this)`);
}
