import type { AccessLogPage, Consent, ConsentOverview, GrantConsentBody } from '@familiespor/contracts';
import { api } from '../../api/api.client';

/** Consents and the parents' access log (step 6). */
export const consentApi = {
  /** listMyConsents: the parent's family's consents and the organisations a new one can name. */
  mine: () => api.get<ConsentOverview>('/api/portal/consents'),
  /** listFamilyConsents: the same for a professional on the family's page. */
  family: (familyId: string) => api.get<ConsentOverview>(`/api/families/${familyId}/consents`),
  /** grantConsent: a parent in the portal, or staff recording a paper or spoken consent. */
  grant: (body: GrantConsentBody) => api.post<Consent>('/api/consents', body),
  /** withdrawConsent: empty body from the portal; staff say who withdrew it and how. */
  withdraw: (
    consentId: string,
    body: { withdrawnByPersonId?: string; capturedHow?: 'paper' | 'verbal' } = {},
  ) => api.post<Consent>(`/api/consents/${consentId}/withdraw`, body),
  /** getMyAccessLog: "Hvem har set mine data", newest first. */
  accessLog: (cursor?: string) =>
    api.get<AccessLogPage>(`/api/portal/access-log${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
};
