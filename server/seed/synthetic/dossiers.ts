/**
 * Synthetic dossiers of the province, shared by the demo seed (a few thousand, so `npm start` has
 * figures to show) and the benchmark generator (a million): each one played through the real
 * lifecycle (simulate.ts), with its code, statistics copies and events as the API writes them.
 */
import type { dossierEvents, dossiers } from '../../src/db/schema.ts';
import { encodeState } from '../../src/modules/dossiers/state-codec.ts';
import type { Calendar } from '../../src/platform/calendar/index.ts';
import type { Province } from './province.ts';
import { cumulate, type Random, uuidAt } from './random.ts';
import { type Mix, simulate } from './simulate.ts';

export type Applicant = { id: string; fullName: string; cccd: string; phone: string; communeCode: string };

export type SyntheticDossier = {
  dossier: typeof dossiers.$inferInsert;
  events: (typeof dossierEvents.$inferInsert)[];
};

/** Draws dossiers one by one; keeps the per-desk daily numbering so codes never repeat. */
export function dossierSynthesizer(
  province: Province,
  mix: Mix,
  calendar: Calendar,
  rnd: Random,
  until: Date,
) {
  const online = province.procedures.filter((p) => p.online);
  // A few procedures take most dossiers (birth registration, residence), as in any province.
  const weights = (n: number) => cumulate(Array.from({ length: n }, (_, i) => 1 / (i + 1)));
  const allWeights = weights(province.procedures.length);
  const onlineWeights = weights(online.length);
  const sequence = new Map<string, number>();

  function next(receivedDate: string, applicant: Applicant): SyntheticDossier {
    const r = rnd.next();
    const channel = r < mix.online ? 'online' : r < mix.online + mix.postal ? 'postal' : 'direct';
    const procedure =
      channel === 'online'
        ? rnd.weighted(online, onlineWeights)
        : rnd.weighted(province.procedures, allWeights);
    const { competent, desk } = province.route(procedure, rnd);
    const sim = simulate(
      receivedDate,
      channel,
      procedure.duration,
      province.staff,
      applicant.id,
      mix,
      rnd,
      calendar,
      until,
    );
    const first = sim.events[0]!.event.at;
    const id = uuidAt(first.getTime(), rnd);
    let code: string | null = null;
    if (sim.state.receivedAt) {
      const ymd = receivedDate.slice(2).replaceAll('-', '');
      const key = `${desk.id}|${ymd}`;
      const n = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, n);
      code = `${desk.code}-${ymd}-${String(n).padStart(4, '0')}`;
    }
    const f = sim.facts;
    return {
      dossier: {
        id,
        code,
        procedureId: procedure.id,
        procedureVersion: procedure.version,
        channel,
        status: sim.state.status,
        applicantId: applicant.id,
        applicant: {
          fullName: applicant.fullName,
          cccd: applicant.cccd,
          phone: applicant.phone,
          email: null,
          addressCommuneCode: applicant.communeCode,
          addressDetail: null,
        },
        receivingAgencyId: desk.id,
        competentAgencyId: competent.id,
        handlerId: sim.state.handlerId,
        formData: {},
        state: encodeState(sim.state),
        ...f,
        digitizedAt: sim.digitizedAt,
        rating: sim.rating,
        ratedAt: sim.ratedAt,
        createdAt: first,
        updatedAt: sim.events.at(-1)!.event.at,
      },
      events: sim.events.map((e, k) => ({
        id: uuidAt(e.event.at.getTime(), rnd),
        dossierId: id,
        seq: k + 1,
        type: e.event.type,
        fromStatus: e.event.from,
        toStatus: e.event.to,
        actorId: e.event.actor.id,
        at: e.event.at,
        note: e.event.note,
        dueAt: e.dueAt,
        data: { ...e.event.data, form: e.event.form, code },
      })),
    };
  }

  /** The last number given per desk and day, for `dossier_code_counter`. */
  const counters = () =>
    [...sequence].map(([key, last]) => {
      const [agencyId, ymd] = key.split('|') as [string, string];
      return { agencyId, day: `20${ymd.slice(0, 2)}-${ymd.slice(2, 4)}-${ymd.slice(4, 6)}`, last };
    });

  return { next, counters };
}
