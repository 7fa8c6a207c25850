import { memoryRegistrationStore } from '../../support/fakes/memory-registration-store';
import { registrationStoreContract } from '../../support/contracts/registration-store';

registrationStoreContract('in-memory fake', () => memoryRegistrationStore(2));
