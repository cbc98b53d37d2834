import {
  accessMatrix,
  createOrganisationBody,
  createPartnershipBody,
  createStaffUserBody,
  createUnitBody,
  deactivateBody,
  organisation,
  partnership,
  setRolesBody,
  staffUser,
  unit,
  updateAccessMatrixBody,
  updateOrganisationBody,
  updatePartnershipBody,
  updateStaffUserBody,
  updateUnitBody,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getAccessMatrix, updateAccessMatrix } from '../access/access.service';
import * as orgs from '../organisations/organisations.service';
import * as partnerships from '../organisations/partnerships.service';
import * as staff from '../staff/staff.service';

const orgParams = z.strictObject({ orgId: uuid });
const unitParams = z.strictObject({ unitId: uuid });
const userParams = z.strictObject({ userId: uuid });
const partnershipParams = z.strictObject({ partnershipId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

/** Organisations, units, partnerships, staff users and the access matrix. Staff only. */
export const adminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { auth: 'staff' as const };

    app.get(
      '/api/organisations',
      {
        config,
        schema: {
          operationId: 'listOrganisations',
          tags: ['organisations'],
          summary: 'The directory of organisations',
          querystring: z.strictObject({ includeInactive: z.stringbool().default(false) }),
          response: { 200: z.array(organisation), ...readProblems },
        },
      },
      async (req) => orgs.listOrganisations(deps, req.ctx, req.query.includeInactive),
    );
    app.post(
      '/api/organisations',
      {
        config,
        schema: {
          operationId: 'createOrganisation',
          tags: ['organisations'],
          summary: 'Add an organisation (platform admin)',
          ...write,
          body: createOrganisationBody,
          response: { 201: organisation, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await orgs.createOrganisation(deps, req.ctx, req.body)),
    );
    app.patch(
      '/api/organisations/:orgId',
      {
        config,
        schema: {
          operationId: 'updateOrganisation',
          tags: ['organisations'],
          summary: 'Rename an organisation, set its municipality code, or switch it off',
          ...write,
          params: orgParams,
          body: updateOrganisationBody,
          response: { 200: organisation, ...writeProblems },
        },
      },
      async (req) => orgs.updateOrganisation(deps, req.ctx, req.params.orgId, req.body),
    );

    app.get(
      '/api/organisations/:orgId/units',
      {
        config,
        schema: {
          operationId: 'listUnits',
          tags: ['organisations'],
          summary: 'Units of an organisation (teams, districts, departments, birthplaces, daycare)',
          params: orgParams,
          response: { 200: z.array(unit), ...readProblems },
        },
      },
      async (req) => orgs.listUnits(deps, req.ctx, req.params.orgId),
    );
    app.post(
      '/api/organisations/:orgId/units',
      {
        config,
        schema: {
          operationId: 'createUnit',
          tags: ['organisations'],
          summary: 'Add a unit',
          ...write,
          params: orgParams,
          body: createUnitBody,
          response: { 201: unit, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await orgs.createUnit(deps, req.ctx, req.params.orgId, req.body)),
    );
    app.patch(
      '/api/units/:unitId',
      {
        config,
        schema: {
          operationId: 'updateUnit',
          tags: ['organisations'],
          summary: 'Rename, move or switch off a unit',
          ...write,
          params: unitParams,
          body: updateUnitBody,
          response: { 200: unit, ...writeProblems },
        },
      },
      async (req) => orgs.updateUnit(deps, req.ctx, req.params.unitId, req.body),
    );

    app.get(
      '/api/organisations/:orgId/partnerships',
      {
        config,
        schema: {
          operationId: 'listPartnerships',
          tags: ['organisations'],
          summary: 'Partnerships the organisation is part of',
          params: orgParams,
          response: { 200: z.array(partnership), ...readProblems },
        },
      },
      async (req) => partnerships.listPartnerships(deps, req.ctx, req.params.orgId),
    );
    app.post(
      '/api/organisations/:orgId/partnerships',
      {
        config,
        schema: {
          operationId: 'createPartnership',
          tags: ['organisations'],
          summary: 'A municipality enters a partnership with another organisation',
          ...write,
          params: orgParams,
          body: createPartnershipBody,
          response: { 201: partnership, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await partnerships.createPartnership(deps, req.ctx, req.params.orgId, req.body)),
    );
    app.patch(
      '/api/partnerships/:partnershipId',
      {
        config,
        schema: {
          operationId: 'updatePartnership',
          tags: ['organisations'],
          summary: 'Change or end a partnership',
          ...write,
          params: partnershipParams,
          body: updatePartnershipBody,
          response: { 200: partnership, ...writeProblems },
        },
      },
      async (req) => partnerships.updatePartnership(deps, req.ctx, req.params.partnershipId, req.body),
    );

    app.get(
      '/api/organisations/:orgId/staff',
      {
        config,
        schema: {
          operationId: 'listStaffUsers',
          tags: ['staff'],
          summary: 'Staff users of an organisation (org admin)',
          params: orgParams,
          querystring: z.strictObject({
            includeInactive: z.stringbool().default(false),
            search: z.string().trim().max(100).optional(),
          }),
          response: { 200: z.array(staffUser), ...readProblems },
        },
      },
      async (req) => staff.listStaffUsers(deps, req.ctx, req.params.orgId, req.query),
    );
    app.post(
      '/api/organisations/:orgId/staff',
      {
        config,
        schema: {
          operationId: 'createStaffUser',
          tags: ['staff'],
          summary: 'Add a staff user with roles and units',
          ...write,
          params: orgParams,
          body: createStaffUserBody,
          response: { 201: staffUser, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await staff.createStaffUser(deps, req.ctx, req.params.orgId, req.body)),
    );
    app.get(
      '/api/staff/:userId',
      {
        config,
        schema: {
          operationId: 'getStaffUser',
          tags: ['staff'],
          summary: 'One staff user',
          params: userParams,
          response: { 200: staffUser, ...readProblems },
        },
      },
      async (req) => staff.getStaffUser(deps, req.ctx, req.params.userId),
    );
    app.patch(
      '/api/staff/:userId',
      {
        config,
        schema: {
          operationId: 'updateStaffUser',
          tags: ['staff'],
          summary: 'Change a staff user’s name, e-mail, title or units',
          ...write,
          params: userParams,
          body: updateStaffUserBody,
          response: { 200: staffUser, ...writeProblems },
        },
      },
      async (req) => staff.updateStaffUser(deps, req.ctx, req.params.userId, req.body),
    );
    app.put(
      '/api/staff/:userId/roles',
      {
        config,
        schema: {
          operationId: 'setStaffUserRoles',
          tags: ['staff'],
          summary: 'Replace a staff user’s roles',
          ...write,
          params: userParams,
          body: setRolesBody,
          response: { 200: staffUser, ...writeProblems },
        },
      },
      async (req) => staff.setStaffUserRoles(deps, req.ctx, req.params.userId, req.body.roles),
    );
    app.post(
      '/api/staff/:userId/deactivate',
      {
        config,
        schema: {
          operationId: 'deactivateStaffUser',
          tags: ['staff'],
          summary: 'Deactivate a staff user; their sessions end at once',
          ...write,
          params: userParams,
          body: deactivateBody,
          response: { 200: staffUser, ...writeProblems },
        },
      },
      async (req) => staff.deactivateStaffUser(deps, req.ctx, req.params.userId, req.body.reason),
    );
    app.post(
      '/api/staff/:userId/reactivate',
      {
        config,
        schema: {
          operationId: 'reactivateStaffUser',
          tags: ['staff'],
          summary: 'Reactivate a deactivated staff user',
          ...write,
          params: userParams,
          response: { 200: staffUser, ...writeProblems },
        },
      },
      async (req) => staff.reactivateStaffUser(deps, req.ctx, req.params.userId),
    );

    app.get(
      '/api/organisations/:orgId/access-matrix',
      {
        config,
        schema: {
          operationId: 'getAccessMatrix',
          tags: ['access'],
          summary: 'The organisation’s role × category matrix and the platform default',
          params: orgParams,
          response: { 200: accessMatrix, ...readProblems },
        },
      },
      async (req) => getAccessMatrix(deps, req.ctx, req.params.orgId),
    );
    app.put(
      '/api/organisations/:orgId/access-matrix',
      {
        config,
        schema: {
          operationId: 'updateAccessMatrix',
          tags: ['access'],
          summary: 'Tighten cells of the matrix (widening is refused)',
          ...write,
          params: orgParams,
          body: updateAccessMatrixBody,
          response: { 200: accessMatrix, ...writeProblems },
        },
      },
      async (req) => updateAccessMatrix(deps, req.ctx, req.params.orgId, req.body),
    );
  };
