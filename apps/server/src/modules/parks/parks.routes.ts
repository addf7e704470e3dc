import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import type { ParksService } from './parks.service';
import * as s from './parks.schema';
import { allPages, exportLangQuery, sendXlsx } from '../../lib/xlsx-export';
import { ENTERPRISE_COLUMNS, LEASE_COLUMNS, type LeaseExportRow } from './parks.export';

const created = { ...errorResponses, 409: errorResponses[400] };
const none = { 204: z.null(), ...errorResponses, 409: errorResponses[400] };
const childParams = z.object({ id: z.string().uuid(), childId: z.string().uuid() });

/** Parks, sites, districts, buildings, floors, units, enterprises, property companies, leads. */
export const parksRoutes: FastifyPluginAsyncZod<{ parks: ParksService }> = async (app, { parks: svc }) => {
  const structure = ['parks'];
  app.get('/parks', { schema: { tags: structure, summary: 'Parks I may see', response: { 200: z.array(s.parkSchema), ...errorResponses } } }, async (r) => svc.findParks(ctxOf(r)));
  app.post('/parks', { schema: { tags: structure, summary: 'Create a park', body: s.createParkBody, response: { 201: s.parkSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createPark(ctxOf(r), r.body)));
  app.get('/park-figures', { schema: { tags: structure, summary: 'Park-level figures for the alliance: enterprises, buildings, area and occupancy per park', response: { 200: s.parkFiguresSchema, ...errorResponses } } }, async (r) => svc.findParkFigures(ctxOf(r)));
  app.get('/parks/:id', { schema: { tags: structure, summary: 'One park', params: idParams, response: { 200: s.parkSchema, ...errorResponses } } }, async (r) => svc.getPark(ctxOf(r), r.params.id));
  app.get('/parks/:id/tree', { schema: { tags: structure, summary: 'Sites → districts → buildings with unit figures', params: idParams, response: { 200: s.parkTreeSchema, ...errorResponses } } }, async (r) => svc.getParkTree(ctxOf(r), r.params.id));
  app.patch('/parks/:id', { schema: { tags: structure, summary: 'Update a park', params: idParams, body: s.updateParkBody, response: { 200: s.parkSchema, ...errorResponses } } }, async (r) => svc.updatePark(ctxOf(r), r.params.id, r.body));
  app.delete('/parks/:id', { schema: { tags: structure, summary: 'Delete an empty park', params: idParams, response: none } }, async (r, reply) => {
    await svc.deletePark(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  app.get('/sites', { schema: { tags: structure, summary: 'Sites (一园多点)', querystring: z.object({ parkId: z.string().uuid().optional() }), response: { 200: z.array(s.siteSchema), ...errorResponses } } }, async (r) => svc.findSites(ctxOf(r), r.query));
  app.post('/sites', { schema: { tags: structure, summary: 'Create a site', body: s.createSiteBody, response: { 201: s.siteSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createSite(ctxOf(r), r.body)));
  app.patch('/sites/:id', { schema: { tags: structure, summary: 'Update a site', params: idParams, body: s.updateSiteBody, response: { 200: s.siteSchema, ...errorResponses } } }, async (r) => (await svc.updateSite(ctxOf(r), r.params.id, r.body))!);
  app.delete('/sites/:id', { schema: { tags: structure, summary: 'Delete an empty site', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteSite(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  app.get('/districts', { schema: { tags: structure, summary: 'Districts', querystring: z.object({ parkId: z.string().uuid().optional(), siteId: z.string().uuid().optional() }), response: { 200: z.array(s.districtSchema), ...errorResponses } } }, async (r) => svc.findDistricts(ctxOf(r), r.query));
  app.post('/districts', { schema: { tags: structure, summary: 'Create a district', body: s.createDistrictBody, response: { 201: s.districtSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createDistrict(ctxOf(r), r.body)));
  app.patch('/districts/:id', { schema: { tags: structure, summary: 'Rename a district', params: idParams, body: s.updateDistrictBody, response: { 200: s.districtSchema, ...errorResponses } } }, async (r) => (await svc.updateDistrict(ctxOf(r), r.params.id, r.body))!);
  app.delete('/districts/:id', { schema: { tags: structure, summary: 'Delete an empty district', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteDistrict(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  app.get('/buildings', { schema: { tags: structure, summary: 'Buildings', querystring: z.object({ parkId: z.string().uuid().optional(), siteId: z.string().uuid().optional(), districtId: z.string().uuid().optional() }), response: { 200: z.array(s.buildingSchema), ...errorResponses } } }, async (r) => svc.findBuildings(ctxOf(r), r.query));
  app.get('/buildings/:id', { schema: { tags: structure, summary: 'A building with floors and units', params: idParams, response: { 200: s.buildingDetailSchema, ...errorResponses } } }, async (r) => svc.getBuilding(ctxOf(r), r.params.id));
  app.post('/buildings', { schema: { tags: structure, summary: 'Create a building', body: s.createBuildingBody, response: { 201: s.buildingSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createBuilding(ctxOf(r), r.body)));
  app.patch('/buildings/:id', { schema: { tags: structure, summary: 'Update a building', params: idParams, body: s.updateBuildingBody, response: { 200: s.buildingSchema, ...errorResponses } } }, async (r) => (await svc.updateBuilding(ctxOf(r), r.params.id, r.body))!);
  app.delete('/buildings/:id', { schema: { tags: structure, summary: 'Delete an empty building', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteBuilding(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  app.post('/floors', { schema: { tags: structure, summary: 'Add a floor', body: s.createFloorBody, response: { 201: s.floorSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createFloor(ctxOf(r), r.body)));
  app.patch('/floors/:id', { schema: { tags: structure, summary: 'Update a floor (name, SVG plan)', params: idParams, body: s.updateFloorBody, response: { 200: s.floorSchema, ...errorResponses } } }, async (r) => (await svc.updateFloor(ctxOf(r), r.params.id, r.body))!);
  app.delete('/floors/:id', { schema: { tags: structure, summary: 'Delete an empty floor', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteFloor(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  app.get('/units', { schema: { tags: structure, summary: 'Units with area and status', querystring: s.unitQuery, response: { 200: pageSchema(s.unitSchema.extend({ buildingName: z.string(), floorName: z.string() })), ...errorResponses } } }, async (r) => svc.findUnits(ctxOf(r), r.query) as never);
  app.post('/units', { schema: { tags: structure, summary: 'Create a unit', body: s.createUnitBody, response: { 201: s.unitSchema, ...created } } }, async (r, reply) => reply.code(201).send((await svc.createUnit(ctxOf(r), r.body)) as never));
  app.patch('/units/:id', { schema: { tags: structure, summary: 'Update a unit (area, status)', params: idParams, body: s.updateUnitBody, response: { 200: s.unitSchema, ...errorResponses } } }, async (r) => (await svc.updateUnit(ctxOf(r), r.params.id, r.body)) as never);
  app.delete('/units/:id', { schema: { tags: structure, summary: 'Delete a unit without leases', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteUnit(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  const ent = ['enterprises'];
  app.get('/enterprises', { schema: { tags: ent, summary: 'Enterprises I may see: search, filters, pages', querystring: s.enterpriseQuery, response: { 200: pageSchema(s.enterpriseSchema), ...errorResponses } } }, async (r) => svc.findEnterprises(ctxOf(r), r.query));
  app.get(
    '/enterprises/export.xlsx',
    { schema: { tags: ent, summary: 'The enterprise list as an Excel workbook, with the same filters and scope as GET /enterprises (headers in ?lang=zh|en)', querystring: s.enterpriseQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findEnterprises(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `enterprises-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '企业', en: 'Enterprises' }, lang, columns: ENTERPRISE_COLUMNS, rows });
    },
  );
  app.get(
    '/leases/export.xlsx',
    { schema: { tags: ent, summary: 'Active leases of the enterprises I may see (the same filters as GET /enterprises) as an Excel workbook (headers in ?lang=zh|en)', querystring: s.enterpriseQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      // Through each enterprise's profile, so a lease is exported only where its enterprise may be read.
      async function* leaseRows(): AsyncGenerator<LeaseExportRow> {
        for await (const e of allPages((page, pageSize) => svc.findEnterprises(ctx, { ...filters, page, pageSize }))) {
          const profile = await svc.getEnterprise(ctx, e.id);
          for (const l of profile.leases) if (l.status === 'active') yield { enterpriseName: e.legalName, buildingName: l.buildingName, floorName: l.floorName, unitCode: l.unitCode, area: l.area, startDate: l.startDate, endDate: l.endDate, monthlyRentFen: l.monthlyRentFen };
        }
      }
      return sendXlsx(reply, { fileName: `leases-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '租约', en: 'Leases' }, lang, columns: LEASE_COLUMNS, rows: leaseRows() });
    },
  );
  app.post('/enterprises', { schema: { tags: ent, summary: 'Register a tenant enterprise', body: s.enterpriseBody, response: { 201: s.enterpriseSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createEnterprise(ctxOf(r), r.body)));
  app.get('/enterprises/:id', { schema: { tags: ent, summary: 'The enterprise’s 360° profile', params: idParams, response: { 200: s.enterpriseProfileSchema, ...errorResponses } } }, async (r) => svc.getEnterprise(ctxOf(r), r.params.id));
  app.patch('/enterprises/:id', { schema: { tags: ent, summary: 'Update an enterprise profile', params: idParams, body: s.updateEnterpriseBody, response: { 200: s.enterpriseSchema, ...created } } }, async (r) => svc.updateEnterprise(ctxOf(r), r.params.id, r.body));
  app.post('/enterprises/:id/vehicles', { schema: { tags: ent, summary: 'Register a vehicle', params: idParams, body: s.vehicleBody, response: { 201: s.vehicleSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.addVehicle(ctxOf(r), r.params.id, r.body)));
  app.delete('/enterprises/:id/vehicles/:childId', { schema: { tags: ent, summary: 'Remove a vehicle', params: childParams, response: none } }, async (r, reply) => {
    await svc.removeVehicle(ctxOf(r), r.params.id, r.params.childId);
    return reply.code(204).send(null);
  });
  app.post('/enterprises/:id/parking-spaces', { schema: { tags: ent, summary: 'Assign a parking space', params: idParams, body: s.spaceBody, response: { 201: s.spaceSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.assignParkingSpace(ctxOf(r), r.params.id, r.body)));
  app.delete('/enterprises/:id/parking-spaces/:childId', { schema: { tags: ent, summary: 'Release a parking space', params: childParams, response: none } }, async (r, reply) => {
    await svc.releaseParkingSpace(ctxOf(r), r.params.id, r.params.childId);
    return reply.code(204).send(null);
  });
  app.post('/enterprises/:id/leases', { schema: { tags: ent, summary: 'Lease a unit to the enterprise', params: idParams, body: s.leaseBody, response: { 201: s.leaseSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createLease(ctxOf(r), r.params.id, r.body)));
  app.post('/enterprises/:id/leases/:childId/confirm', { schema: { tags: ent, summary: 'Confirm a draft lease; the unit becomes leased', params: childParams, response: { 200: s.leaseSchema, ...created } } }, async (r) => svc.confirmLease(ctxOf(r), r.params.id, r.params.childId));
  app.post('/enterprises/:id/leases/:childId/end', { schema: { tags: ent, summary: 'End a lease; the unit becomes vacant', params: childParams, response: { 200: s.leaseSchema, ...created } } }, async (r) => svc.endLease(ctxOf(r), r.params.id, r.params.childId));

  const prop = ['property'];
  app.get('/property-companies', { schema: { tags: prop, summary: 'Property companies and their district contracts', response: { 200: s.propertyCompanyListSchema, ...errorResponses } } }, async (r) => svc.findPropertyCompanies(ctxOf(r)));
  app.post('/property-companies', { schema: { tags: prop, summary: 'Register a property company', body: s.propertyCompanyBody, response: { 201: s.propertyCompanySchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createPropertyCompany(ctxOf(r), r.body)));
  app.patch('/property-companies/:id', { schema: { tags: prop, summary: 'Update a property company', params: idParams, body: s.updatePropertyCompanyBody, response: { 200: s.propertyCompanySchema, ...errorResponses } } }, async (r) => svc.updatePropertyCompany(ctxOf(r), r.params.id, r.body));
  app.post('/property-contracts', { schema: { tags: prop, summary: 'Contract a property company for a district', body: s.propertyContractBody, response: { 201: s.propertyContractSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createPropertyContract(ctxOf(r), r.body)));
  app.delete('/property-contracts/:id', { schema: { tags: prop, summary: 'Delete a property contract', params: idParams, response: none } }, async (r, reply) => {
    await svc.deletePropertyContract(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });

  const inv = ['attraction'];
  app.get('/leads', { schema: { tags: inv, summary: 'Attraction pipeline leads (招商)', querystring: s.leadQuery, response: { 200: z.array(s.leadSchema), ...errorResponses } } }, async (r) => svc.findLeads(ctxOf(r), r.query) as never);
  app.get('/leads/funnel', { schema: { tags: inv, summary: 'Conversion figures per stage', querystring: z.object({ parkId: z.string().uuid().optional() }), response: { 200: s.leadFunnelSchema, ...errorResponses } } }, async (r) => svc.getLeadFunnel(ctxOf(r), r.query));
  app.post('/leads', { schema: { tags: inv, summary: 'Add a lead', body: s.leadBody, response: { 201: s.leadSchema, ...created } } }, async (r, reply) => reply.code(201).send((await svc.createLead(ctxOf(r), r.body)) as never));
  app.patch('/leads/:id', { schema: { tags: inv, summary: 'Update a lead or move it to another stage', params: idParams, body: s.updateLeadBody, response: { 200: s.leadSchema, ...errorResponses } } }, async (r) => (await svc.updateLead(ctxOf(r), r.params.id, r.body)) as never);
  app.delete('/leads/:id', { schema: { tags: inv, summary: 'Delete a lead', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteLead(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });
};
