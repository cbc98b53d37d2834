import type { CreateHandoverBody } from '@familiespor/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/api.client';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { handoverTexts, useTexts } from '../../i18n/lazy-texts';
import { handoversApi } from './handovers.api';

type Transition = 'daycare' | 'specialised';
type Contact = { name: string; role: string; phone: string };
const knownCodes = [
  'unknown_unit',
  'unknown_child',
  'wrong_service',
  'too_far_in_past',
  'too_far_ahead',
  'empty',
  'consent_missing',
  'not_a_custodian',
] as const;

/** "Overlevering": the health visitor hands a child over to daycare or the specialised area. */
export function HandoverFormPage({ familyId }: { familyId: string }) {
  const ready = useTexts(handoverTexts);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => familiesApi.family(familyId) });
  const [childId, setChildId] = useState<string | undefined>();
  const [transition, setTransition] = useState<Transition>('daycare');
  const [unitId, setUnitId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [needs, setNeeds] = useState('');
  const [agreements, setAgreements] = useState('');
  const [freeText, setFreeText] = useState('');
  const [contacts, setContacts] = useState<Contact[]>([{ name: '', role: '', phone: '' }]);
  const [consentBy, setConsentBy] = useState<string | undefined>();
  const [consentHow, setConsentHow] = useState<'paper' | 'verbal' | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const receivers = useQuery({
    queryKey: ['handover-receivers', familyId, transition],
    queryFn: () => handoversApi.receivers(familyId, transition),
  });

  if (!ready || family.isPending) return <Loading />;
  if (family.isError) return <ProblemAlert error={family.error} />;
  const f = family.data;
  const children = f.members.filter((m) => m.role === 'child');
  const custodians = f.members.filter((m) => m.role !== 'child' && m.custody);
  const name = (m: { givenName: string; familyName: string }) => `${m.givenName} ${m.familyName}`;
  const units = receivers.data ?? [];
  const unit = units.find((u) => u.id === unitId) ?? units[0];
  const inOwnOrg = unit?.consent === 'record_on_handover';
  const errorOf = (path: string) => errors[path];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const child = childId ?? children[0]?.personId;
    if (!child) local.childPersonId = t('handovers.errors.unknown_child');
    if (!unit) local.receivingUnitId = t('handovers.errors.unknown_unit');
    if (!startDate) local.startDate = t('handovers.errors.startDateRequired');
    if (inOwnOrg && (!consentBy || !consentHow)) local.parentConsent = t('handovers.errors.consent_missing');
    setErrors(local);
    if (Object.keys(local).length > 0 || !child || !unit) return;
    const body: CreateHandoverBody = {
      familyId,
      childPersonId: child,
      transition,
      receivingUnitId: unit.id,
      startDate,
      content: {
        needs,
        agreements,
        freeText,
        contacts: contacts
          .filter((c) => c.name.trim() && c.role.trim())
          .map((c) => ({ name: c.name, role: c.role, phone: c.phone.trim() || null, email: null })),
      },
      ...(inOwnOrg && consentBy && consentHow
        ? { parentConsent: { grantedByPersonId: consentBy, capturedHow: consentHow } }
        : {}),
    };
    setSending(true);
    setFailure(null);
    try {
      const h = await handoversApi.create(body);
      navigate(`/overleveringer/${h.id}?sendt=1`);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      if (fieldErrors.length > 0) {
        setErrors(
          Object.fromEntries(
            fieldErrors.map((fe) => [
              fe.path.split('.')[0] ?? fe.path,
              (knownCodes as readonly string[]).includes(fe.code)
                ? t(`handovers.errors.${fe.code as (typeof knownCodes)[number]}`)
                : fe.message,
            ]),
          ),
        );
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <p>
        <Link href={`/familier/${familyId}`} className="back-link">
          <Icon name="chevron-left" />
          {t('handovers.form.back')}
        </Link>
      </p>
      <PageHeading title={t('handovers.form.title')}>{t('handovers.form.title')}</PageHeading>
      <p className="font-lead">{t('handovers.form.lead')}</p>
      {children.length === 0 ? (
        <Alert variant="info" heading={t('handovers.form.noChild')} />
      ) : (
        <form onSubmit={submit} noValidate>
          {Object.keys(errors).length > 0 ? (
            <Alert variant="error" heading={t('handovers.form.fix')}>
              <ul>
                {Object.entries(errors).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {failure ? <ProblemAlert error={failure} /> : null}
          <RadioGroup
            id="handover-child"
            legend={t('handovers.form.child')}
            error={errorOf('childPersonId')}
            value={childId ?? children[0]?.personId}
            onChange={setChildId}
            options={children.map((c) => ({ value: c.personId, label: name(c) }))}
          />
          <RadioGroup
            id="handover-transition"
            legend={t('handovers.form.transition')}
            value={transition}
            onChange={(v) => {
              setTransition(v);
              setUnitId('');
            }}
            options={[
              { value: 'daycare', label: t('handovers.transition.daycare') },
              { value: 'specialised', label: t('handovers.transition.specialised') },
            ]}
          />
          {receivers.isError ? <ProblemAlert error={receivers.error} /> : null}
          {units.length > 0 ? (
            <SelectField
              id="handover-unit"
              label={t('handovers.form.unit')}
              hint={errorOf('receivingUnitId') ?? t('handovers.form.unitHint')}
              value={unit?.id ?? ''}
              onChange={setUnitId}
              options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.organisation.name})` }))}
            />
          ) : receivers.isSuccess ? (
            <Alert variant="warning" heading={t('handovers.form.noUnits')} />
          ) : null}
          <TextField
            id="handover-start"
            type="date"
            label={t('handovers.form.startDate')}
            hint={t('handovers.form.startDateHint')}
            error={errorOf('startDate')}
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />
          <TextArea
            id="handover-needs"
            label={t('handovers.form.needs')}
            hint={t('handovers.form.needsHint')}
            error={errorOf('content')}
            rows={5}
            value={needs}
            onChange={(e) => setNeeds(e.target.value)}
          />
          <TextArea
            id="handover-agreements"
            label={t('handovers.form.agreements')}
            hint={t('handovers.form.agreementsHint')}
            rows={4}
            value={agreements}
            onChange={(e) => setAgreements(e.target.value)}
          />
          <fieldset>
            <legend className="form-label">{t('handovers.form.contacts')}</legend>
            {contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until they are sent
              <div className="row" key={i}>
                {(['name', 'role', 'phone'] as const).map((field) => (
                  <div className="col-12 col-md-4" key={field}>
                    <TextField
                      id={`handover-contact-${i}-${field}`}
                      label={t(`handovers.form.contact.${field}`)}
                      optional
                      value={c[field]}
                      onChange={(e) =>
                        setContacts(contacts.map((x, j) => (j === i ? { ...x, [field]: e.target.value } : x)))
                      }
                    />
                  </div>
                ))}
              </div>
            ))}
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setContacts([...contacts, { name: '', role: '', phone: '' }])}
            >
              {t('handovers.form.addContact')}
            </button>
          </fieldset>
          <TextArea
            id="handover-note"
            label={t('handovers.form.freeText')}
            optional
            rows={3}
            value={freeText}
            onChange={(e) => setFreeText(e.target.value)}
          />
          {inOwnOrg ? (
            <fieldset className="fs-panel">
              <legend className="h3">{t('handovers.form.consentHeading')}</legend>
              <p>{t('handovers.form.consentText')}</p>
              <RadioGroup
                id="handover-consent-by"
                legend={t('handovers.form.consentBy')}
                error={errorOf('parentConsent')}
                value={consentBy}
                onChange={setConsentBy}
                options={custodians.map((m) => ({ value: m.personId, label: name(m) }))}
              />
              <RadioGroup
                id="handover-consent-how"
                legend={t('handovers.form.consentHow')}
                value={consentHow}
                onChange={setConsentHow}
                options={[
                  { value: 'paper', label: t('handovers.form.how.paper') },
                  { value: 'verbal', label: t('handovers.form.how.verbal') },
                ]}
              />
            </fieldset>
          ) : unit ? (
            <p>{t('handovers.form.consentInForce', { organisation: unit.organisation.name })}</p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={sending}>
            {t('handovers.form.send')}
          </button>
        </form>
      )}
    </>
  );
}
