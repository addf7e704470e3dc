import { and, count, desc, eq, gt, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { assertCanWrite, assertOperatorCovers } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { districts, propertyCompanies, propertyContracts } from '../parks/parks.table';
import { deserialize, predict, type Model, type SerializedModel } from './classifier/classifier';
import { supportOf } from './classifier/coverage';
import { categoryText, teamText, type DispatchExample } from './dispatch-train';
import { runDispatchTraining, type TrainingMode } from './dispatch-runner';
import type { DispatchDecision, ModelStatus } from './workorders.schema';
import { dispatchModels, workOrderEvents, workOrders, workOrderTeams, WORK_ORDER_CATEGORIES, type DispatchTarget, type WorkOrderCategory } from './workorders.table';

export interface DispatchSettings {
  /** Orders whose decision is at least this confident are dispatched without a human. */
  confidenceThreshold: number;
  /** Triage corrections since the last training that trigger a retrain. */
  retrainAfterCorrections: number;
  /** Scheduled retrain when the current model is older than this. */
  retrainIntervalHours: number;
  trainingMode: TrainingMode;
}

interface LoadedModel {
  version: number;
  model: Model;
}

/** What smart dispatch is asked to decide. */
export interface DecisionInput {
  parkId: string;
  districtId: string | null;
  title: string;
  description: string;
  category?: WorkOrderCategory;
  /** Where a given category came from (a requester or operator, or a dispatch rule). */
  categorySource?: 'given' | 'rule';
  deviceType: string | null;
}

const MODEL_TTL_MS = 10_000;

/** The evidence gate lives with the classifier (shared with `parkos dispatch eval`). */
export { supportOf } from './classifier/coverage';

/**
 * Smart dispatch (智能派单): predicts category and team with classifiers trained on the park's own
 * closed work orders, lets the district's contracted property company override the team
 * (location rule), and says why. Models are versioned rows of `dispatch_models`.
 */
export function createDispatchService(deps: { db: Db; audit: AuditService; settings: DispatchSettings; log?: { info(msg: string): void; error(obj: object, msg: string): void } }) {
  const { db, audit, settings } = deps;
  const cache = new Map<string, { at: number; models: Partial<Record<DispatchTarget, LoadedModel>> }>();
  const training = new Map<string, Promise<unknown>>();

  async function currentModels(parkId: string): Promise<Partial<Record<DispatchTarget, LoadedModel>>> {
    const hit = cache.get(parkId);
    if (hit && Date.now() - hit.at < MODEL_TTL_MS) return hit.models;
    const rows = await db
      .selectDistinctOn([dispatchModels.target], { target: dispatchModels.target, version: dispatchModels.version, model: dispatchModels.model })
      .from(dispatchModels)
      .where(eq(dispatchModels.parkId, parkId))
      .orderBy(dispatchModels.target, desc(dispatchModels.version));
    const models: Partial<Record<DispatchTarget, LoadedModel>> = {};
    for (const r of rows) models[r.target] = { version: r.version, model: deserialize(r.model as SerializedModel) };
    cache.set(parkId, { at: Date.now(), models });
    return models;
  }

  /** The property company contracted for a district today, and its team for the category. */
  async function locationTeam(parkId: string, districtId: string, category: WorkOrderCategory) {
    const today = new Date().toISOString().slice(0, 10);
    const [contract] = await db
      .select({ companyId: propertyContracts.propertyCompanyId, companyName: propertyCompanies.name, districtName: districts.name })
      .from(propertyContracts)
      .innerJoin(propertyCompanies, eq(propertyCompanies.id, propertyContracts.propertyCompanyId))
      .innerJoin(districts, eq(districts.id, propertyContracts.districtId))
      .where(and(eq(propertyContracts.districtId, districtId), lte(propertyContracts.startDate, today), gte(propertyContracts.endDate, today)))
      .orderBy(desc(propertyContracts.startDate))
      .limit(1);
    if (!contract) return null;
    const teams = await db
      .select({ id: workOrderTeams.id, categories: workOrderTeams.categories })
      .from(workOrderTeams)
      .where(and(eq(workOrderTeams.parkId, parkId), eq(workOrderTeams.propertyCompanyId, contract.companyId)))
      .orderBy(workOrderTeams.name);
    if (!teams.length) return null;
    const team = teams.find((t) => t.categories.includes(category)) ?? teams.find((t) => t.categories.length === 0);
    if (!team) return null;
    return { districtId, districtName: contract.districtName, propertyCompanyId: contract.companyId, propertyCompanyName: contract.companyName, teamId: team.id };
  }

  async function decide(input: DecisionInput): Promise<DispatchDecision> {
    const models = await currentModels(input.parkId);
    let category: WorkOrderCategory = input.category ?? 'other';
    let categorySource: DispatchDecision['categorySource'] = input.category ? (input.categorySource ?? 'given') : 'default';
    let categoryConfidence = input.category ? 1 : 0;
    let categoryFeatures: DispatchDecision['categoryFeatures'] = [];
    if (!input.category && models.category) {
      const p = predict(models.category.model, categoryText(input), { topFeatures: 12 });
      if ((WORK_ORDER_CATEGORIES as readonly string[]).includes(p.label)) {
        category = p.label as WorkOrderCategory;
        categorySource = 'model';
        categoryConfidence = p.confidence * supportOf(p.topFeatures);
        categoryFeatures = p.topFeatures.slice(0, 6);
      }
    }
    let teamId: string | null = null;
    let teamConfidence = 0;
    let teamFeatures: DispatchDecision['teamFeatures'] = [];
    let teamSource: DispatchDecision['teamSource'] = 'none';
    if (models.team) {
      const p = predict(models.team.model, teamText({ ...input, category }), { topFeatures: 12 });
      teamId = p.label;
      teamConfidence = p.confidence * supportOf(p.topFeatures);
      teamFeatures = p.topFeatures.slice(0, 6);
      teamSource = 'model';
    }
    const modelTeamId = teamId;
    let locationRule: DispatchDecision['locationRule'] = null;
    // The location rule: property work in a district goes to the company contracted for it.
    const predictedTeam = teamId ? (await db.select({ kind: workOrderTeams.kind, parkId: workOrderTeams.parkId }).from(workOrderTeams).where(eq(workOrderTeams.id, teamId)))[0] : undefined;
    if (teamId && (!predictedTeam || predictedTeam.parkId !== input.parkId)) {
      teamId = null;
      teamSource = 'none';
      teamConfidence = 0;
    }
    if (input.districtId && (!predictedTeam || predictedTeam.kind === 'property')) {
      const rule = await locationTeam(input.parkId, input.districtId, category);
      if (rule) {
        locationRule = rule;
        if (rule.teamId !== teamId) {
          teamId = rule.teamId;
          teamSource = 'location';
        }
        // The contract decides the company; the remaining doubt is the category.
        teamConfidence = 1;
      }
    }
    const confidence = teamId ? Math.min(categoryConfidence, teamConfidence) : 0;
    return {
      category,
      categorySource,
      categoryConfidence,
      categoryFeatures,
      teamId,
      teamSource,
      teamConfidence,
      teamFeatures,
      modelTeamId,
      locationRule,
      confidence,
      threshold: settings.confidenceThreshold,
      isAutomatic: teamId !== null && confidence >= settings.confidenceThreshold,
      modelVersions: { category: models.category?.version ?? null, team: models.team?.version ?? null },
    };
  }

  /** Closed orders, and orders an operator triaged, are the training data. */
  async function examplesOf(parkId: string): Promise<DispatchExample[]> {
    return db
      .select({ title: workOrders.title, description: workOrders.description, category: workOrders.category, teamId: workOrders.teamId, deviceType: workOrders.deviceType })
      .from(workOrders)
      .where(
        and(
          eq(workOrders.parkId, parkId),
          or(
            inArray(workOrders.status, ['verified', 'closed']),
            sql`exists (select 1 from ${workOrderEvents} e where e.work_order_id = ${workOrders.id} and e.kind = 'triaged')`,
          ),
        ),
      );
  }

  async function train(ctx: RequestContext, parkId: string, trigger: string) {
    const examples = await examplesOf(parkId);
    const trained = await runDispatchTraining(examples, settings.trainingMode);
    const saved = [];
    for (const t of trained) {
      const row = await db.transaction(async (tx) => {
        const [{ v }] = await tx.select({ v: sql<number>`coalesce(max(${dispatchModels.version}), 0)::int` }).from(dispatchModels).where(and(eq(dispatchModels.parkId, parkId), eq(dispatchModels.target, t.target)));
        const [inserted] = await tx
          .insert(dispatchModels)
          .values({ parkId, target: t.target, version: v + 1, model: t.model, trainedAt: new Date(t.model.trainedAt), exampleCount: t.exampleCount, heldOutCount: t.heldOutCount, accuracy: t.accuracy, trainingMs: t.trainingMs, trigger })
          .returning();
        await audit.record(tx, ctx, {
          action: 'dispatch.model_trained',
          entityType: 'dispatch_model',
          entityId: inserted.id,
          after: { target: t.target, version: inserted.version, exampleCount: t.exampleCount, accuracy: t.accuracy, trigger },
          parkId,
        });
        return inserted;
      });
      saved.push(row);
    }
    cache.delete(parkId);
    return saved;
  }

  /** One training per park at a time; a second request waits for the running one. */
  function trainOnce(ctx: RequestContext, parkId: string, trigger: string) {
    const running = training.get(parkId);
    if (running) return running as ReturnType<typeof train>;
    const p = train(ctx, parkId, trigger).finally(() => training.delete(parkId));
    training.set(parkId, p);
    return p;
  }

  async function correctionsSince(parkId: string, since: Date | null): Promise<number> {
    const [{ n }] = await db
      .select({ n: count() })
      .from(workOrderEvents)
      .innerJoin(workOrders, eq(workOrders.id, workOrderEvents.workOrderId))
      .where(and(eq(workOrders.parkId, parkId), eq(workOrderEvents.kind, 'triaged'), sql`(${workOrderEvents.details}->>'corrected')::boolean`, since ? gt(workOrderEvents.at, since) : undefined));
    return n;
  }

  async function latestTrainedAt(parkId: string): Promise<Date | null> {
    const [row] = await db.select({ at: dispatchModels.trainedAt }).from(dispatchModels).where(eq(dispatchModels.parkId, parkId)).orderBy(desc(dispatchModels.trainedAt)).limit(1);
    return row?.at ?? null;
  }

  const view = (r: typeof dispatchModels.$inferSelect) => ({
    target: r.target,
    version: r.version,
    trainedAt: r.trainedAt,
    exampleCount: r.exampleCount,
    heldOutCount: r.heldOutCount,
    accuracy: r.accuracy,
    trainingMs: r.trainingMs,
    trigger: r.trigger,
    labels: (r.model as SerializedModel).labels.length,
  });

  return {
    decide,
    settings,

    /** Current models, history, and how many corrections wait for the next training. */
    async getStatus(ctx: RequestContext, parkId: string): Promise<ModelStatus> {
      assertOperatorCovers(ctx.actor, { parkId });
      const rows = await db.select().from(dispatchModels).where(eq(dispatchModels.parkId, parkId)).orderBy(desc(dispatchModels.version)).limit(40);
      const current = (['category', 'team'] as const).map((t) => rows.find((r) => r.target === t)).filter((r) => r !== undefined);
      const trainedAt = await latestTrainedAt(parkId);
      const [{ triage }] = await db.select({ triage: count() }).from(workOrders).where(and(eq(workOrders.parkId, parkId), eq(workOrders.needsTriage, true)));
      const [shares] = await db
        .select({ auto: sql<number>`count(*) filter (where (${workOrders.decision}->>'isAutomatic')::boolean)::int`, total: sql<number>`count(*) filter (where ${workOrders.decision} is not null)::int` })
        .from(workOrders)
        .where(eq(workOrders.parkId, parkId));
      return {
        parkId,
        threshold: settings.confidenceThreshold,
        current: current.map(view),
        history: rows.map(view),
        correctionsSinceTraining: await correctionsSince(parkId, trainedAt),
        retrainAfterCorrections: settings.retrainAfterCorrections,
        triageCount: triage,
        automaticShare: shares.total ? shares.auto / shares.total : null,
      };
    },

    /** Operator's retrain button: trains now (in a worker thread) and returns the new status. */
    async retrain(ctx: RequestContext, parkId: string): Promise<ModelStatus> {
      assertOperatorCovers(ctx.actor, { parkId });
      assertCanWrite(ctx.actor);
      await trainOnce(ctx, parkId, 'manual');
      return this.getStatus(ctx, parkId);
    },

    /** Trains a park's models (seeding, CLI, jobs). */
    train: (ctx: RequestContext, parkId: string, trigger: string) => trainOnce(ctx, parkId, trigger),

    /**
     * The worker's tick: retrains each park whose model is missing, older than the interval, or
     * has collected enough triage corrections. Returns the parks retrained.
     */
    async retrainDue(ctx: RequestContext): Promise<string[]> {
      const parkIds = (await db.selectDistinct({ parkId: workOrders.parkId }).from(workOrders)).map((r) => r.parkId);
      const done: string[] = [];
      for (const parkId of parkIds) {
        const at = await latestTrainedAt(parkId);
        const corrections = await correctionsSince(parkId, at);
        const isStale = !at || Date.now() - at.getTime() > settings.retrainIntervalHours * 3_600_000;
        if (!isStale && corrections < settings.retrainAfterCorrections) continue;
        const trigger = corrections >= settings.retrainAfterCorrections ? `corrections:${corrections}` : 'schedule';
        try {
          const saved = await trainOnce(ctx, parkId, trigger);
          if (saved.length) done.push(parkId);
        } catch (err) {
          deps.log?.error({ err, parkId }, 'dispatch: retraining failed');
        }
      }
      return done;
    },

    /** Forgets cached models (tests; another instance trained). */
    invalidate(parkId?: string): void {
      if (parkId) cache.delete(parkId);
      else cache.clear();
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
