import {
  addTargetedVisitBody,
  bookVisitBody,
  childVisit,
  listChildVisitsQuery,
  recordVisitBody,
  recordVisitResult,
  updateVisitProgrammeBody,
  uuid,
  visitCalendar,
  visitCalendarQuery,
  visitProgramme,
  visitProgrammeQuery,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { bookVisit, cancelVisitBooking, listMyVisitCalendar } from './visit-booking.service';
import { getVisitProgramme, updateVisitProgramme } from './visit-programme.service';
import { addTargetedVisit, listChildVisits, recordVisit } from './visits.service';

const familyParams = z.strictObject({ familyId: uuid });
const visitParams = z.strictObject({ visitId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

export const visitsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.get(
      '/api/visit-programme',
      {
        config: staff,
        schema: {
          operationId: 'getVisitProgramme',
          tags: ['visits'],
          summary: 'A municipality’s home-visit programme and EPDS cut-offs (default: the caller’s own)',
          querystring: visitProgrammeQuery,
          response: { 200: visitProgramme, ...readProblems },
        },
      },
      async (req) => getVisitProgramme(deps, req.ctx, req.query),
    );
    app.put(
      '/api/visit-programme',
      {
        config: staff,
        schema: {
          operationId: 'updateVisitProgramme',
          tags: ['visits'],
          summary: 'The programme lead replaces the municipality’s visit programme (and EPDS cut-offs)',
          description:
            'Applies to children born from now on; plans already made stay. Windows out of order, duplicate ' +
            'keys and visits after the third birthday give 400 with one error per visit type.',
          ...write,
          body: updateVisitProgrammeBody,
          response: { 200: visitProgramme, ...writeProblems },
        },
      },
      async (req) => updateVisitProgramme(deps, req.ctx, req.body),
    );
    app.get(
      '/api/families/:familyId/visits',
      {
        config: staff,
        schema: {
          operationId: 'listChildVisits',
          tags: ['visits'],
          summary: 'The planned and recorded home visits of the family’s children',
          params: familyParams,
          querystring: listChildVisitsQuery,
          response: { 200: z.array(childVisit), ...readProblems },
        },
      },
      async (req) => listChildVisits(deps, req.ctx, req.params.familyId, req.query),
    );
    app.post(
      '/api/families/:familyId/visits',
      {
        config: staff,
        schema: {
          operationId: 'addTargetedVisit',
          tags: ['visits'],
          summary: 'Add a targeted extra visit for a child, with the reason for it',
          ...write,
          params: familyParams,
          body: addTargetedVisitBody,
          response: { 201: childVisit, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addTargetedVisit(deps, req.ctx, req.params.familyId, req.body)),
    );
    app.post(
      '/api/visits/:visitId/record',
      {
        config: staff,
        schema: {
          operationId: 'recordVisit',
          tags: ['visits'],
          summary:
            'Record a planned visit as done (with measurements), missed (and rescheduled) or cancelled',
          description:
            'Weight, length and head circumference are checked against the child’s age; an implausible value ' +
            '(a 40 kg infant) gives 400 and nothing is written.',
          ...write,
          params: visitParams,
          body: recordVisitBody,
          response: { 200: recordVisitResult, ...writeProblems },
        },
      },
      async (req) => recordVisit(deps, req.ctx, req.params.visitId, req.body),
    );
    app.put(
      '/api/visits/:visitId/booking',
      {
        config: staff,
        schema: {
          operationId: 'bookVisit',
          tags: ['visits'],
          summary: 'Book a planned visit with the family: time, place and the health visitor who will come',
          description:
            'The health visitor defaults to the caller; another must be an active health visitor of the ' +
            'municipality. Booking again replaces the booking. A time outside the visit’s window is kept and ' +
            'flagged (`bookingOutsideWindow`); a time in the past is 400, a visit no longer planned 409.',
          ...write,
          params: visitParams,
          body: bookVisitBody,
          response: { 200: childVisit, ...writeProblems },
        },
      },
      async (req) => bookVisit(deps, req.ctx, req.params.visitId, req.body),
    );
    app.delete(
      '/api/visits/:visitId/booking',
      {
        config: staff,
        schema: {
          operationId: 'cancelVisitBooking',
          tags: ['visits'],
          summary: 'Call off the booked time; the visit stays planned, to be booked again',
          ...write,
          params: visitParams,
          response: { 200: childVisit, ...writeProblems },
        },
      },
      async (req) => cancelVisitBooking(deps, req.ctx, req.params.visitId),
    );
    app.get(
      '/api/visits/calendar',
      {
        config: staff,
        schema: {
          operationId: 'listMyVisitCalendar',
          tags: ['visits'],
          summary: 'The health visitor’s week: her booked visits, and her families’ visits still to book',
          description:
            'An ISO week (`2026-W48`; default the current week in Europe/Copenhagen). `booked`: the planned ' +
            'visits booked with the caller from Monday 00:00 to the next Monday 00:00 Copenhagen time. ' +
            '`toBook`: planned visits without a booking whose window overlaps the week, of the families the ' +
            'caller coordinates or whose district is one of her units, soonest window end first (at most 50; ' +
            '`toBookTotal` counts them all).',
          querystring: visitCalendarQuery,
          response: { 200: visitCalendar, ...readProblems },
        },
      },
      async (req) => listMyVisitCalendar(deps, req.ctx, req.query),
    );
  };
