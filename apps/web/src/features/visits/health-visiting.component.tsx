import type { FamilyDetail } from '../../api/api.types';
import { Loading } from '../../components/loading.component';
import { epdsTexts, healthTexts, useTexts } from '../../i18n/lazy-texts';
import { FamilyScreenings } from '../screening/family-screenings.component';
import { ChildVisits } from './child-visits.component';

/** The family page's health visiting: each child's visits, then the parents' and infant's screenings. */
export function HealthVisiting({ family, mayAct }: { family: FamilyDetail; mayAct: boolean }) {
  const ready = useTexts(healthTexts, epdsTexts);
  if (!ready) return <Loading />;
  return (
    <>
      <ChildVisits family={family} mayAct={mayAct} />
      <FamilyScreenings family={family} mayAct={mayAct} />
    </>
  );
}
