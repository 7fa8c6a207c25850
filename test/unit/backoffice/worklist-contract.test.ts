import { worklistIndexContract } from '../../support/contracts/worklist-index';
import { memoryApplicationStore } from '../provider/fakes/memory-stores';
import { memoryWorklistIndex } from './fakes/memory-worklist';

worklistIndexContract('in-memory fake', () => {
  const applications = memoryApplicationStore();
  return { applications, index: memoryWorklistIndex(applications.applications) };
});
