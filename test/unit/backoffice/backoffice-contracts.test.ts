import { backofficeHistoryContract } from '../../support/contracts/backoffice-history';
import { memoryBackofficePorts } from './fakes/memory-backoffice';

backofficeHistoryContract('in-memory fake', () => memoryBackofficePorts().ports);
