import {
  anonymousContact,
  anonymousContactPage,
  anonymousContactStatistics,
  anonymousContactStatisticsQuery,
  bridgeOffer,
  createOpenCounsellingSlotBody,
  endOpenCounsellingSlotBody,
  listAnonymousContactsQuery,
  listOpenCounsellingSlotsQuery,
  logAnonymousContactBody,
  organisationOpenCounsellingSlot,
  organisationOpenCounsellingSlots,
  publicOpenCounsellingSlots,
  statisticsOrganisation,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems, readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  getAnonymousContactStatistics,
  listStatisticsOrganisations,
} from './anonymous-contact-statistics.service';
import { listAnonymousContacts, listBridgeOffers, logAnonymousContact } from './anonymous-contacts.service';
import {
  createOpenCounsellingSlot,
  endOpenCounsellingSlot,
  listOpenCounsellingSlots,
  listOrganisationOpenCounsellingSlots,
} from './open-counselling-slots.service';

const slotParams = z.strictObject({ slotId: uuid });
const write = { security: [{ session: [], csrf: [] }] };
const tags = ['open-counselling'];

export const openCounsellingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.get(
      '/api/open-counselling/slots',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'listOpenCounsellingSlots',
          tags,
          summary: 'When and where the anonymous open counselling is held — no login',
          description:
            'Every slot still held, with its next dates in Danish time; a date that is a public holiday ' +
            'is listed as closed with the holiday’s name. Filter by municipality (slots serving its ' +
            'residents) or postcode (slots at it, or serving its municipality). Counsellors by given ' +
            'name only.',
          security: [],
          querystring: listOpenCounsellingSlotsQuery,
          response: { 200: publicOpenCounsellingSlots, ...problems(400) },
        },
      },
      async (req) => listOpenCounsellingSlots(deps, req.ctx, req.query),
    );
    app.get(
      '/api/open-counselling/organisation-slots',
      {
        config: staff,
        schema: {
          operationId: 'listOrganisationOpenCounsellingSlots',
          tags,
          summary: 'My organisation’s slots, ended ones too, and the staff who can be on duty',
          description: 'For the organisation’s NGO counsellors and programme lead.',
          response: { 200: organisationOpenCounsellingSlots, ...readProblems },
        },
      },
      async (req) => listOrganisationOpenCounsellingSlots(deps, req.ctx),
    );
    app.post(
      '/api/open-counselling/slots',
      {
        config: staff,
        schema: {
          operationId: 'createOpenCounsellingSlot',
          tags,
          summary: 'A new weekly slot: weekday, hours, address, phone or chat, counsellors on duty',
          description:
            'For the organisation’s NGO counsellors and programme lead. Times between 06:00 and 23:00, ' +
            'ending after they start; at least one way in (at the address, phone, chat); a drop-in needs ' +
            'street and postcode; the offer must be an active open counselling offer of the organisation, ' +
            'the counsellors its active staff. 400 with the fields otherwise, nothing written.',
          ...write,
          body: createOpenCounsellingSlotBody,
          response: { 201: organisationOpenCounsellingSlot, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createOpenCounsellingSlot(deps, req.ctx, req.body)),
    );
    app.post(
      '/api/open-counselling/slots/:slotId/end',
      {
        config: staff,
        schema: {
          operationId: 'endOpenCounsellingSlot',
          tags,
          summary: 'The slot is held for the last time on a day (today or later)',
          description: 'Another organisation’s slot is 403; a slot ended already is 409.',
          ...write,
          params: slotParams,
          body: endOpenCounsellingSlotBody,
          response: { 200: organisationOpenCounsellingSlot, ...writeProblems },
        },
      },
      async (req) => endOpenCounsellingSlot(deps, req.ctx, req.params.slotId, req.body.lastDay),
    );
    app.post(
      '/api/open-counselling/contacts',
      {
        config: staff,
        schema: {
          operationId: 'logAnonymousContact',
          tags,
          summary: 'Log one anonymous conversation ("Log en samtale")',
          description:
            'For the organisation’s NGO counsellors. No name, no identifiers: the date (no time), ' +
            'channel, who, the child’s age band, topics, duration, outcomes and, for "pointed to an ' +
            'offer", the offer. A note with a CPR number, a phone number or an e-mail address is ' +
            'refused (400, `errors[].code` contains_cpr, contains_phone, contains_email), as is a date ' +
            'ahead or more than 31 days back, an unknown topic and a duration of 0 or less; nothing is ' +
            'written.',
          ...write,
          body: logAnonymousContactBody,
          response: { 201: anonymousContact, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await logAnonymousContact(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/open-counselling/contacts',
      {
        config: staff,
        schema: {
          operationId: 'listAnonymousContacts',
          tags,
          summary: 'My organisation’s latest conversations, newest day first',
          description: 'For the organisation’s NGO counsellors and programme lead.',
          querystring: listAnonymousContactsQuery,
          response: { 200: anonymousContactPage, ...readProblems },
        },
      },
      async (req) => listAnonymousContacts(deps, req.ctx, req.query),
    );
    app.get(
      '/api/open-counselling/bridge-offers',
      {
        config: staff,
        schema: {
          operationId: 'listOpenCounsellingBridgeOffers',
          tags,
          summary: 'Offers a counsellor can point a parent to, with the sign-up link',
          description:
            'The organisation’s own active offers and those open to residents of its partner municipalities.',
          response: { 200: z.array(bridgeOffer), ...readProblems },
        },
      },
      async (req) => listBridgeOffers(deps, req.ctx),
    );
    app.get(
      '/api/open-counselling/statistics',
      {
        config: staff,
        schema: {
          operationId: 'getAnonymousContactStatistics',
          tags,
          summary: 'Conversations by topic and month, by channel, who, child’s age and outcome',
          description:
            'Always with small-cell suppression: a count of 1–4 is null, and where a row or column shows ' +
            'a total with one hidden cell, the next-smallest is hidden too (null as well). For the ' +
            'organisation’s NGO counsellors, programme lead and analyst, and for the programme lead and ' +
            'analyst of a municipality in an active partnership with it (`orgId`).',
          querystring: anonymousContactStatisticsQuery,
          response: { 200: anonymousContactStatistics, ...readProblems },
        },
      },
      async (req) => getAnonymousContactStatistics(deps, req.ctx, req.query),
    );
    app.get(
      '/api/open-counselling/statistics/organisations',
      {
        config: staff,
        schema: {
          operationId: 'listAnonymousContactStatisticsOrganisations',
          tags,
          summary: 'Whose open counselling statistics I may read: my organisation, partner NGOs',
          response: { 200: z.array(statisticsOrganisation), ...readProblems },
        },
      },
      async (req) => listStatisticsOrganisations(deps, req.ctx),
    );
  };
