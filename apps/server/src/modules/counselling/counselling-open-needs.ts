import { registerOpenNeedSource } from '../between-chairs/open-need.registry';
import { openCounsellingNeeds } from './counselling-lookup.repo';

// "Mellem to stole": a family in counselling (at the municipality or a housing secretariat) with
// nobody to hold the thread. The municipality reads only the open involvement the case gave, never
// the case itself.
registerOpenNeedSource({ kind: 'open_counselling_case', rows: (tx, q) => openCounsellingNeeds(tx, q) });
