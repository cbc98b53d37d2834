import type { CounsellingCase } from '@familiespor/contracts';
import {
  type CounsellingContactForm,
  type CounsellingOutcome,
  type CounsellingParticipant,
  copenhagenDate,
  counsellingContactForms,
  counsellingOutcomes,
  counsellingParticipants,
} from '@familiespor/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { counsellingApi } from './counselling.api';
import { fieldErrorsOf } from './counselling-words';

type Done = (c: CounsellingCase, message: string) => void;
type Errors = Record<string, string>;
const entriesOf = (errors: Errors, ids: Record<string, string>) =>
  Object.entries(errors).map(([k, text]) => ({ id: ids[k] ?? Object.values(ids)[0] ?? '', text }));

/** "Scor målene": a score 0–10 (or not now) and a note for each goal, on one day. */
export function ScoreGoalsForm({ c, onDone }: { c: CounsellingCase; onDone: Done }) {
  const { t } = useTranslation();
  const [scoredOn, setScoredOn] = useState(copenhagenDate(new Date()));
  const [scores, setScores] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const form = useFormSubmit();
  const ids = { scoredOn: 'score-date', scores: `score-${c.goals[0]?.id.slice(0, 8) ?? 'none'}` };
  const submit = async () => {
    const chosen = c.goals.filter((g) => (scores[g.id] ?? '') !== '');
    if (chosen.length === 0) {
      setErrors({ scores: t('counselling.score.nothing') });
      form.invalid();
      return;
    }
    setErrors({});
    await form.send(
      async () => {
        const next = await counsellingApi.score(c.id, {
          scoredOn,
          scores: chosen.map((g) => ({
            goalId: g.id,
            score: Number(scores[g.id]),
            ...(notes[g.id]?.trim() ? { note: notes[g.id]?.trim() } : {}),
          })),
        });
        setScores({});
        setNotes({});
        onDone(next, t('counselling.score.saved'));
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, ['scoredOn', 'scores']);
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };
  return (
    <section aria-labelledby="score-heading" className="fs-panel">
      <h3 id="score-heading">{t('counselling.score.heading')}</h3>
      <p>{t('counselling.score.lead')}</p>
      <ValidatedForm
        onSubmit={submit}
        entries={entriesOf(errors, ids)}
        status={form}
        submitLabel={t('counselling.score.submit')}
      >
        <TextField
          id={ids.scoredOn}
          type="date"
          label={t('counselling.score.scoredOn')}
          error={errors.scoredOn}
          className="form-input input-width-s"
          value={scoredOn}
          onChange={(e) => setScoredOn(e.target.value)}
        />
        {errors.scores ? <p className="form-error-message">{errors.scores}</p> : null}
        {c.goals.map((g) => {
          const id = `score-${g.id.slice(0, 8)}`;
          return (
            <div key={g.id} className="fs-field-row">
              <SelectField
                id={id}
                label={t('counselling.score.scoreFor', { goal: g.title })}
                className="form-select input-width-xs"
                value={scores[g.id] ?? ''}
                onChange={(v) => setScores({ ...scores, [g.id]: v })}
                options={[
                  { value: '', label: t('counselling.score.skip') },
                  ...Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) })),
                ]}
              />
              <TextField
                id={`${id}-note`}
                label={t('counselling.score.noteFor', { goal: g.title })}
                optional
                value={notes[g.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [g.id]: e.target.value })}
              />
            </div>
          );
        })}
      </ValidatedForm>
    </section>
  );
}

/** "Nyt mål": one more goal agreed with the family. */
export function AddGoalForm({ c, onDone }: { c: CounsellingCase; onDone: Done }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const form = useFormSubmit();
  const submit = async () => {
    if (!title.trim()) {
      setErrors({ title: t('counselling.errors.required') });
      form.invalid();
      return;
    }
    setErrors({});
    await form.send(
      async () => {
        const next = await counsellingApi.addGoal(c.id, { title: title.trim() });
        setTitle('');
        onDone(next, t('counselling.goals.added'));
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, ['title']);
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };
  return (
    <section aria-labelledby="goal-add-heading" className="fs-panel">
      <h3 id="goal-add-heading">{t('counselling.goals.addHeading')}</h3>
      <ValidatedForm
        onSubmit={submit}
        entries={entriesOf(errors, { title: 'goal-title' })}
        status={form}
        submitLabel={t('counselling.goals.add')}
      >
        <TextField
          id="goal-title"
          label={t('counselling.goals.title')}
          error={errors.title}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </ValidatedForm>
    </section>
  );
}

const contactIds = {
  contactOn: 'contact-date',
  form: 'contact-form',
  durationMinutes: 'contact-duration',
  participants: 'contact-participants',
  note: 'contact-note',
};

/** "Registrér en kontakt": date, how, how long, who took part, and the counsellor's note. */
export function ContactForm({ c, onDone }: { c: CounsellingCase; onDone: Done }) {
  const { t } = useTranslation();
  const [contactOn, setContactOn] = useState(copenhagenDate(new Date()));
  const [how, setHow] = useState<CounsellingContactForm | undefined>();
  const [minutes, setMinutes] = useState('');
  const [who, setWho] = useState<CounsellingParticipant[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const form = useFormSubmit();
  const submit = async () => {
    const local: Errors = {};
    if (!how) local.form = t('counselling.errors.required');
    const n = Number(minutes);
    if (!minutes.trim() || !Number.isInteger(n)) local.durationMinutes = t('counselling.errors.required');
    else if (n < 1) local.durationMinutes = t('counselling.errors.too_small');
    if (who.length === 0) local.participants = t('counselling.errors.required');
    setErrors(local);
    if (Object.keys(local).length > 0 || !how) {
      form.invalid();
      return;
    }
    await form.send(
      async () => {
        const next = await counsellingApi.addContact(c.id, {
          contactOn,
          form: how,
          durationMinutes: n,
          participants: who,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        setHow(undefined);
        setMinutes('');
        setWho([]);
        setNote('');
        onDone(next, t('counselling.contacts.saved'));
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, Object.keys(contactIds));
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };
  return (
    <section aria-labelledby="contact-heading" className="fs-panel">
      <h3 id="contact-heading">{t('counselling.contacts.formHeading')}</h3>
      <ValidatedForm
        onSubmit={submit}
        entries={entriesOf(errors, contactIds)}
        status={form}
        submitLabel={t('counselling.contacts.submit')}
      >
        <div className="fs-field-row">
          <TextField
            id={contactIds.contactOn}
            type="date"
            label={t('counselling.contacts.date')}
            error={errors.contactOn}
            className="form-input input-width-s"
            value={contactOn}
            onChange={(e) => setContactOn(e.target.value)}
          />
          <TextField
            id={contactIds.durationMinutes}
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            label={t('counselling.contacts.duration')}
            error={errors.durationMinutes}
            className="form-input input-width-xs"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <RadioGroup
          id={contactIds.form}
          legend={t('counselling.contacts.form')}
          error={errors.form}
          value={how}
          onChange={setHow}
          options={counsellingContactForms.map((f) => ({
            value: f,
            label: t(`counselling.contactForm.${f}`),
          }))}
        />
        <CheckboxGroup
          id={contactIds.participants}
          legend={t('counselling.contacts.who')}
          error={errors.participants}
          value={who}
          onChange={setWho}
          options={counsellingParticipants.map((p) => ({
            value: p,
            label: t(`counselling.participant.${p}`),
          }))}
        />
        <TextArea
          id={contactIds.note}
          label={t('counselling.contacts.note')}
          optional
          error={errors.note}
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </ValidatedForm>
    </section>
  );
}

const closeIds = { outcome: 'close-outcome', closedOn: 'close-date', note: 'close-note' };

/** "Afslut forløbet": how it ended (it counts in the year's figures), the day, and a note. */
export function CloseCaseForm({ c, onDone }: { c: CounsellingCase; onDone: Done }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CounsellingOutcome | undefined>();
  const [closedOn, setClosedOn] = useState(copenhagenDate(new Date()));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const form = useFormSubmit();
  const submit = async () => {
    const local: Errors = {};
    if (!outcome) local.outcome = t('counselling.errors.required');
    if (outcome === 'other' && !note.trim()) local.note = t('counselling.errors.required');
    setErrors(local);
    if (Object.keys(local).length > 0 || !outcome) {
      form.invalid();
      return;
    }
    await form.send(
      async () => {
        const next = await counsellingApi.close(c.id, {
          outcome,
          closedOn,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        onDone(next, t('counselling.close.done'));
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, Object.keys(closeIds));
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };
  return (
    <section aria-labelledby="close-heading" className="fs-panel">
      <h2 id="close-heading">{t('counselling.close.heading')}</h2>
      <p>{t('counselling.close.lead')}</p>
      <ValidatedForm
        onSubmit={submit}
        entries={entriesOf(errors, closeIds)}
        status={form}
        submitLabel={t('counselling.close.submit')}
      >
        <RadioGroup
          id={closeIds.outcome}
          legend={t('counselling.close.outcome')}
          error={errors.outcome}
          value={outcome}
          onChange={setOutcome}
          options={counsellingOutcomes.map((o) => ({ value: o, label: t(`counselling.outcome.${o}`) }))}
        />
        <TextField
          id={closeIds.closedOn}
          type="date"
          label={t('counselling.close.closedOn')}
          error={errors.closedOn}
          className="form-input input-width-s"
          value={closedOn}
          onChange={(e) => setClosedOn(e.target.value)}
        />
        <TextArea
          id={closeIds.note}
          label={t('counselling.close.note')}
          hint={t('counselling.close.noteHint')}
          optional={outcome !== 'other'}
          error={errors.note}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </ValidatedForm>
    </section>
  );
}
