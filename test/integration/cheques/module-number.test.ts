import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { moduleItem } from '../../../functions/registrations/items';
import { api, stack, workerToken } from '../../support/stack';
import { uniqueRrn } from '../../support/ids';
import { db, requestBody, seedRegistration, uniqueEmail, uniqueOdbNumber } from './support';

describe('cheque requests for a module of a modular training', () => {
  it('R-CHQ-1: a module is requested under its own ODB number, on the terms of its registered training', async () => {
    // Prepare: a modular registration whose module number points to the training
    const moduleNumber = uniqueOdbNumber();
    const training = await seedRegistration({
      chequeCategory: 'nt2',
      structure: 'modular',
      modules: [{ odbNumber: moduleNumber, title: 'NT2 A1', ownReference: 'M1', contactHours: 40, studyPoints: null, mentorTraining: false, blended: false, cefrLevel: 'A1' }],
    });
    await db().send(new PutCommand({ TableName: stack().env.TABLE_NAME, Item: moduleItem(moduleNumber, training.odbNumber, training.applicationId, new Date()) }));
    const token = await workerToken(uniqueRrn());

    // Act
    const response = await api('POST', '/v1/cheque-requests', { token, body: requestBody(moduleNumber, 10000, uniqueEmail()) });

    // Assess: NT2 is paid fully by the government (R-CHQ-4), as the training's category says
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ odbNumber: moduleNumber, status: 'approved', contributionCents: 0, governmentCents: 10000 });
  });
});
