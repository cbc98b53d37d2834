import type { StaffRole } from '@familiespor/domain';

export type StaffPrincipal = {
  kind: 'staff';
  userId: string;
  orgId: string;
  roles: StaffRole[];
  unitIds: string[];
  sessionId: string;
};

export type ParentPrincipal = {
  kind: 'parent';
  personId: string;
  familyIds: string[];
  sessionId: string;
};

export type Principal = StaffPrincipal | ParentPrincipal;

/** Who is asking, from where, and when — passed to every service function. */
export type RequestContext = {
  requestId: string;
  ip: string | null;
  now: Date;
  principal: Principal | null;
  /** Work the platform does itself: jobs, the operator's command line, imports from integrations. */
  system?: boolean;
};

export function systemContext(now: Date, requestId = 'system'): RequestContext {
  return { requestId, ip: null, now, principal: null, system: true };
}
