import type { AddCounsellingPartyBody, CounsellingCase } from '@familiespor/contracts';
import { type CounsellingPartyKind, copenhagenDate, counsellingPartyKinds } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.api';
import { RadioGroup, SelectField, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { counsellingApi } from './counselling.api';
import { fieldErrorsOf } from './counselling-words';

const ids = {
  kind: 'party-kind',
  unitId: 'party-unit',
  name: 'party-name',
  contact: 'party-contact',
  parentConsent: 'party-consent-by',
};
type Where = 'familiespor' | 'outside';

/**
 * "Tilføj en samarbejdspartner": a unit in Familiespor (on the parents' consent in the register), or
 * someone outside it (a childminder, the school) with the parent's consent recorded here.
 */
export function PartyForm({
  c,
  onDone,
}: {
  c: CounsellingCase;
  onDone: (c: CounsellingCase, message: string) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CounsellingPartyKind | undefined>();
  const [where, setWhere] = useState<Where>('outside');
  const [orgId, setOrgId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [by, setBy] = useState<string | undefined>();
  const [how, setHow] = useState<'paper' | 'verbal' | undefined>();
  const [givenOn, setGivenOn] = useState(copenhagenDate(new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useFormSubmit();
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: () => adminApi.organisations(),
    enabled: where === 'familiespor',
  });
  const units = useQuery({
    queryKey: ['units', orgId],
    queryFn: () => adminApi.units(orgId),
    enabled: where === 'familiespor' && orgId !== '',
  });
  // Inside the case's own organisation, or outside Familiespor, the parent's word is recorded here.
  const recordsConsent = where === 'outside' || orgId === c.organisation.id;

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!kind) local.kind = t('counselling.errors.required');
    if (where === 'familiespor' && !unitId) local.unitId = t('counselling.errors.required');
    if (where === 'outside' && !name.trim()) local.name = t('counselling.errors.required');
    if (recordsConsent && (!by || !how)) local.parentConsent = t('counselling.errors.required');
    setErrors(local);
    if (Object.keys(local).length > 0 || !kind) {
      form.invalid();
      return;
    }
    const body: AddCounsellingPartyBody = {
      kind,
      ...(where === 'familiespor' ? { unitId } : { name: name.trim() }),
      ...(contact.trim() ? { contact: contact.trim() } : {}),
      ...(recordsConsent && by && how
        ? { parentConsent: { grantedByPersonId: by, capturedHow: how, givenOn } }
        : {}),
    };
    await form.send(
      async () => {
        const next = await counsellingApi.addParty(c.id, body);
        setName('');
        setContact('');
        setUnitId('');
        onDone(next, t('counselling.parties.saved'));
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, Object.keys(ids));
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };
  return (
    <section aria-labelledby="party-heading" className="fs-panel">
      <h3 id="party-heading">{t('counselling.parties.formHeading')}</h3>
      <ValidatedForm
        onSubmit={submit}
        entries={Object.entries(errors).map(([k, text]) => ({
          id: ids[k as keyof typeof ids] ?? ids.kind,
          text,
        }))}
        status={form}
        submitLabel={t('counselling.parties.submit')}
      >
        <RadioGroup
          id={ids.kind}
          legend={t('counselling.parties.kind')}
          error={errors.kind}
          value={kind}
          onChange={setKind}
          options={counsellingPartyKinds.map((k) => ({ value: k, label: t(`counselling.partyKind.${k}`) }))}
        />
        <RadioGroup
          id="party-where"
          legend={t('counselling.parties.where')}
          value={where}
          onChange={setWhere}
          options={[
            { value: 'outside', label: t('counselling.parties.outside') },
            { value: 'familiespor', label: t('counselling.parties.inFamiliespor') },
          ]}
        />
        {where === 'familiespor' ? (
          <>
            <SelectField
              id="party-organisation"
              label={t('counselling.parties.organisation')}
              value={orgId}
              onChange={(v) => {
                setOrgId(v);
                setUnitId('');
              }}
              options={[
                { value: '', label: t('counselling.parties.chooseOrganisation') },
                ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            {orgId ? (
              <SelectField
                id={ids.unitId}
                label={t('counselling.parties.unit')}
                hint={errors.unitId ?? t('counselling.parties.unitHint')}
                value={unitId}
                onChange={setUnitId}
                options={[
                  { value: '', label: t('counselling.parties.chooseUnit') },
                  ...(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
                ]}
              />
            ) : null}
          </>
        ) : (
          <>
            <TextField
              id={ids.name}
              label={t('counselling.parties.name')}
              error={errors.name}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <TextField
              id={ids.contact}
              label={t('counselling.parties.contact')}
              optional
              value={contact}
              onChange={(e) => setContact(e.target.value)}
            />
          </>
        )}
        {recordsConsent ? (
          <fieldset>
            <legend className="h4">{t('counselling.parties.consentHeading')}</legend>
            <RadioGroup
              id={ids.parentConsent}
              legend={t('counselling.parties.consentBy')}
              error={errors.parentConsent}
              value={by}
              onChange={setBy}
              options={c.parents.map((p) => ({ value: p.personId, label: p.name }))}
            />
            <RadioGroup
              id="party-consent-how"
              legend={t('counselling.parties.consentHow')}
              value={how}
              onChange={setHow}
              options={[
                { value: 'verbal', label: t('counselling.how.verbal') },
                { value: 'paper', label: t('counselling.how.paper') },
              ]}
            />
            <TextField
              id="party-consent-on"
              type="date"
              label={t('counselling.parties.consentOn')}
              className="form-input input-width-s"
              value={givenOn}
              onChange={(e) => setGivenOn(e.target.value)}
            />
          </fieldset>
        ) : null}
      </ValidatedForm>
    </section>
  );
}
