import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { Database, Db, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { vietnamDateOf } from '../../../platform/calendar/vietnam-time.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { openStorage } from '../../../platform/storage/index.ts';
import { IdentityErrors } from '../../identity/errors.ts';
import type { Actor } from '../../identity/policy.ts';
import { persons } from '../../identity/schema.ts';
import { checkEvidenceFile, megabytes } from '../evidence-file.ts';
import { type Evidence, planTasks, taskReports } from '../schema.ts';
import { seesTask, taskActions } from './access.ts';
import { PlanErrors } from './errors.ts';
import { loadPlan } from './load.ts';

export type ReportInput = {
  reportedOn?: string | undefined;
  status: 'not_started' | 'in_progress' | 'done';
  progress: number;
  note?: string | undefined;
  files: { fileName: string; bytes: Buffer }[];
};
export type TaskReport = typeof taskReports.$inferSelect & { reportedByName: string | null };

async function taskOf(db: Db | Tx, planId: string, taskId: string) {
  const [task] = await db
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
  if (!task) throw PlanErrors.create('TASK_NOT_FOUND');
  return task;
}

/** Checks each evidence file by its bytes (as dossier files are): PDF, JPEG or PNG, within the size limit. */
function checkEvidence(config: Config, files: ReportInput['files']): (Evidence & { bytes: Buffer })[] {
  return files.map((f, i) => {
    const check = checkEvidenceFile(f.bytes, f.fileName, config.FILE_MAX_MB);
    if (check.ok) return { ...check.evidence, bytes: f.bytes };
    if (check.problem === 'empty')
      throw PlanErrors.create('EVIDENCE_EMPTY', undefined, [
        {
          field: `body.evidence.${i}`,
          vi: `Tệp “${f.fileName}” trống.`,
          en: `The file “${f.fileName}” is empty.`,
        },
      ]);
    if (check.problem === 'too_large')
      throw PlanErrors.create('EVIDENCE_TOO_LARGE', {
        vi: `Tệp “${f.fileName}” ${megabytes(f.bytes.length)}, vượt giới hạn ${config.FILE_MAX_MB} MB mỗi tệp.`,
        en: `The file “${f.fileName}” is ${megabytes(f.bytes.length)}, over the limit of ${config.FILE_MAX_MB} MB per file.`,
      });
    throw PlanErrors.create(
      'EVIDENCE_TYPE',
      check.actually
        ? {
            vi: `Tệp “${f.fileName}” thực chất là ${check.actually.vi}, không phải PDF, JPEG hay PNG.`,
            en: `The file “${f.fileName}” is really ${check.actually.en}, not a PDF, JPEG or PNG.`,
          }
        : undefined,
      [{ field: `body.evidence.${i}`, vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.', en: 'Only PDF, JPEG or PNG.' }],
    );
  });
}

/**
 * The lead agency reports progress on its task: the report (with its evidence) is the history, and
 * the task takes the report's status and progress, in one transaction.
 */
export async function addProgressReport(
  ctx: { database: Database; config: Config },
  actor: Actor,
  planId: string,
  taskId: string,
  input: ReportInput,
  now = new Date(),
): Promise<TaskReport> {
  const { db } = ctx.database;
  const plan = await loadPlan(db, planId);
  const task = await taskOf(db, planId, taskId);
  if (!taskActions(actor, task.leadAgencyId).includes('report')) throw IdentityErrors.create('FORBIDDEN');
  const today = vietnamDateOf(now);
  const reportedOn = input.reportedOn ?? today;
  const errors: FieldError[] = [];
  if (reportedOn > today)
    errors.push({
      field: 'body.reportedOn',
      vi: 'Ngày báo cáo không được ở tương lai.',
      en: 'The report date cannot be in the future.',
    });
  if (reportedOn < plan.issuedOn)
    errors.push({
      field: 'body.reportedOn',
      vi: 'Ngày báo cáo trước ngày ban hành kế hoạch.',
      en: 'The report date is before the plan was issued.',
    });
  if (input.status === 'done' && input.progress !== 100)
    errors.push({
      field: 'body.progress',
      vi: 'Nhiệm vụ hoàn thành thì tiến độ là 100%.',
      en: 'A finished task is 100% done.',
    });
  if (input.status === 'not_started' && input.progress !== 0)
    errors.push({
      field: 'body.progress',
      vi: 'Nhiệm vụ chưa thực hiện thì tiến độ là 0%.',
      en: 'A task not started is 0% done.',
    });
  if (input.status === 'in_progress' && input.progress === 100)
    errors.push({
      field: 'body.progress',
      vi: 'Tiến độ 100% thì chọn trạng thái “Hoàn thành”.',
      en: 'At 100%, choose the status “done”.',
    });
  if (task.status === 'cancelled')
    errors.push({
      field: 'body.status',
      vi: 'Nhiệm vụ đã dừng thực hiện.',
      en: 'The task has been cancelled.',
    });
  if (errors.length)
    throw PlanErrors.create('REPORT_INVALID', { vi: errors[0]!.vi, en: errors[0]!.en }, errors);
  const evidence = checkEvidence(ctx.config, input.files);
  // Contents first: a row never points at missing bytes; an unreferenced blob is harmless.
  const storage = openStorage(ctx.config);
  for (const e of evidence) await storage.put(e.bytes);
  const row = await inTransaction(ctx.database, async (tx) => {
    const [inserted] = await tx
      .insert(taskReports)
      .values({
        id: newId(),
        taskId,
        reportedOn,
        status: input.status,
        progress: input.progress,
        note: input.note?.trim() || null,
        evidence: evidence.map(({ bytes: _b, ...e }) => e),
        reportedBy: actor.personId,
        createdAt: now,
      })
      .returning();
    // A late report of an earlier date does not roll the task back past a newer one.
    const [newer] = await tx
      .select({ id: taskReports.id })
      .from(taskReports)
      .where(eq(taskReports.taskId, taskId))
      .orderBy(desc(taskReports.reportedOn), desc(taskReports.createdAt))
      .limit(1);
    if (newer?.id === inserted!.id)
      await tx
        .update(planTasks)
        .set({ status: input.status, progress: input.progress, updatedAt: now })
        .where(eq(planTasks.id, taskId));
    return inserted!;
  });
  return { ...row, reportedByName: null };
}

/** A task's reports, newest first. */
export async function listReports(
  db: Db,
  actor: Actor,
  planId: string,
  taskId: string,
): Promise<TaskReport[]> {
  await loadPlan(db, planId);
  const task = await taskOf(db, planId, taskId);
  if (!seesTask(actor, task.leadAgencyId)) throw IdentityErrors.create('FORBIDDEN');
  return reportsOf(db, [taskId]);
}

export async function reportsOf(db: Db, taskIds: string[]): Promise<TaskReport[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .select({ report: taskReports, name: persons.fullName })
    .from(taskReports)
    .leftJoin(persons, eq(persons.id, taskReports.reportedBy))
    .where(inArray(taskReports.taskId, taskIds))
    .orderBy(desc(taskReports.reportedOn), desc(taskReports.createdAt));
  return rows.map((r) => ({ ...r.report, reportedByName: r.name }));
}

/** One evidence file, for whoever sees the task. */
export async function readEvidence(
  ctx: { database: Database; config: Config },
  actor: Actor,
  planId: string,
  taskId: string,
  reportId: string,
  sha256: string,
): Promise<{ evidence: Evidence; bytes: Buffer }> {
  const { db } = ctx.database;
  const task = await taskOf(db, planId, taskId);
  if (!seesTask(actor, task.leadAgencyId)) throw IdentityErrors.create('FORBIDDEN');
  const [report] = await db
    .select()
    .from(taskReports)
    .where(and(eq(taskReports.id, reportId), eq(taskReports.taskId, taskId)));
  const evidence = report?.evidence.find((e) => e.sha256 === sha256);
  if (!evidence) throw PlanErrors.create('REPORT_NOT_FOUND');
  return { evidence, bytes: await openStorage(ctx.config).get(sha256) };
}
