import { describe, expect, it } from 'vitest';
import { buildCatalogue, isPublished, toPublishedTraining } from '../../../shared/catalogue/from-registration';
import { PublishedTraining } from '../../../shared/catalogue/published-training';
import { registration } from './registration-fixture';

const today = '2026-11-23';
const publishedAt = '2026-11-23T06:00:00.000Z';

describe('the one mapping registration → published record', () => {
  it('R-BO-3: an approved registration maps to a record that passes the strict schema', () => {
    // Prepare
    const reg = registration({ blended: true, distanceHours: 10 });
    // Act
    const published = toPublishedTraining(reg);
    // Assess
    expect(PublishedTraining.safeParse(published).success).toBe(true);
    expect(published).toMatchObject({
      odbNumber: 'ODB-Y000123',
      title: 'Jeugd- en gehandicaptenzorg',
      provider: { kbo: '0403170701', name: 'CVO Brabant' },
      validFrom: '2026-09-01',
      stopDate: null,
      status: 'active',
      replacedBy: null,
      contactHours: 420,
      studyPoints: null,
      competenceGroup: 'professionSpecific',
      competences: ['Beroepsspecifieke competenties'],
      blended: true,
      chequeCategory: 'shortageOccupation',
      incentives: ['opleidingscheques', 'vlaams-opleidingsverlof'],
      description: 'U leert observeren, begeleiden en rapporteren in een leefgroep.',
    });
    expect(Object.keys(published)).not.toContain('applicationId');
    expect(Object.keys(published)).not.toContain('stopReason');
  });

  it('R-BO-4: a modular training publishes every module with its own ODB number', () => {
    const reg = registration({
      structure: 'modular',
      contactHours: null,
      modules: [
        { odbNumber: 'ODB-Y000124', title: 'Basishouding', ownReference: 'M1', contactHours: 40, studyPoints: null, mentorTraining: null, blended: false, cefrLevel: null },
        { odbNumber: 'ODB-Y000125', title: 'Stage', ownReference: 'M2', contactHours: 0, studyPoints: null, mentorTraining: null, blended: true, cefrLevel: 'B1' },
      ],
    });
    const published = toPublishedTraining(reg);
    expect(published.modules).toEqual([
      { odbNumber: 'ODB-Y000124', title: 'Basishouding', contactHours: 40, cefrLevel: null },
      { odbNumber: 'ODB-Y000125', title: 'Stage', contactHours: null, cefrLevel: 'B1' },
    ]);
    expect(published.blended).toBe(true);
    // No own hours and no study points: the schema refuses it, so it is reported, not published.
    const { snapshot, rejected } = buildCatalogue([reg], publishedAt, today);
    expect(snapshot.trainings).toEqual([]);
    expect(rejected).toEqual([{ odbNumber: 'ODB-Y000123', problems: [expect.stringContaining('contactHours')] }]);
  });

  it('R-REG-2: a replaced registration is published pointing to its successor', () => {
    const old = registration({ status: 'replaced', replacedBy: 'ODB-Y000200' });
    const successor = registration({ odbNumber: 'ODB-Y000200', replaces: 'ODB-Y000123', validFrom: '2026-10-01' });
    const { snapshot } = buildCatalogue([successor, old], publishedAt, today);
    expect(snapshot.trainings.map((t) => [t.odbNumber, t.status, t.replacedBy])).toEqual([
      ['ODB-Y000123', 'replaced', 'ODB-Y000200'],
      ['ODB-Y000200', 'active', null],
    ]);
  });

  it('R-REG-1, R-BO-5: stopped and removed registrations, and active ones past their stop date, are left out', () => {
    const regs = [
      registration({ odbNumber: 'ODB-A000001', status: 'stopped', stopDate: '2026-11-01' }),
      registration({ odbNumber: 'ODB-A000002', status: 'removed', removalDate: '2026-01-01' }),
      registration({ odbNumber: 'ODB-A000003', status: 'active', stopDate: today }),
      registration({ odbNumber: 'ODB-A000004', status: 'active', stopDate: '2026-12-31' }),
      registration({ odbNumber: 'ODB-A000005', status: 'active', removalDate: '2026-11-01' }),
      registration({ odbNumber: 'ODB-A000006', status: 'replaced', replacedBy: 'ODB-A000004', stopDate: '2026-11-22' }),
    ];
    const { snapshot } = buildCatalogue(regs, publishedAt, today);
    expect(snapshot.trainings.map((t) => t.odbNumber)).toEqual(['ODB-A000004']);
    expect(snapshot.trainings[0]?.stopDate).toBe('2026-12-31');
  });

  it('R-BO-3: a registration is published from its valid-from date on', () => {
    expect(isPublished(registration({ validFrom: '2026-11-24' }), today)).toBe(false);
    expect(isPublished(registration({ validFrom: today }), today)).toBe(true);
  });

  it('R-BO-4: the fixed credit-contract number ODB-P00004 is a valid published number', () => {
    const { snapshot } = buildCatalogue([registration({ odbNumber: 'ODB-P00004', studyPoints: 6, contactHours: null })], publishedAt, today);
    expect(snapshot.trainings.map((t) => t.odbNumber)).toEqual(['ODB-P00004']);
  });

  it('a record with bad data is left out and reported; the rest is published', () => {
    const regs = [registration({ odbNumber: 'ODB-A000010', title: ' ' }), registration({ odbNumber: 'ODB-A000011' })];
    const { snapshot, rejected } = buildCatalogue(regs, publishedAt, today);
    expect(snapshot.trainings.map((t) => t.odbNumber)).toEqual(['ODB-A000011']);
    expect(rejected.map((r) => r.odbNumber)).toEqual(['ODB-A000010']);
  });

  it('the snapshot is sorted by ODB number, so the same data gives the same bytes', () => {
    const a = registration({ odbNumber: 'ODB-X000002' });
    const b = registration({ odbNumber: 'ODB-A000009' });
    expect(JSON.stringify(buildCatalogue([a, b], publishedAt, today))).toBe(JSON.stringify(buildCatalogue([b, a], publishedAt, today)));
  });

  it('a duplicate ODB number fails the whole snapshot', () => {
    const a = registration({ odbNumber: 'ODB-A000020' });
    const b = registration({ odbNumber: 'ODB-A000021', modules: [{ odbNumber: 'ODB-A000020', title: 'M', ownReference: 'M', contactHours: 40, studyPoints: null, mentorTraining: null, blended: false, cefrLevel: null }] });
    expect(() => buildCatalogue([a, b], publishedAt, today)).toThrow(/dubbel/);
  });
});
