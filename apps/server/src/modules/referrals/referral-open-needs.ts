import { registerOpenNeedSource } from '../between-chairs/open-need.registry';
import { openReferralNeeds, overdueReferralNeeds } from './referrals.repo';

// "Mellem to stole": a family referred on and not yet taken on by anyone is an open need; one
// whose referral is unacknowledged past its deadline counts even when it has a coordinator.
registerOpenNeedSource({ kind: 'open_referral', rows: (tx, q) => openReferralNeeds(tx, q) });
registerOpenNeedSource({
  kind: 'referral_overdue',
  evenWithCoordinator: true,
  rows: (tx, q) => overdueReferralNeeds(tx, q),
});
