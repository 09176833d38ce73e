import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTIONS_BY_RESOURCE,
  type Action,
  type Actor,
  allowedActions,
  can,
  type Resource,
  ROLES,
  type Role,
  type RoleGrant,
} from './policy.ts';

// ---------------------------------------------------------------------------------------
// A small province. Agency ids are short so the expected table below stays readable.
//   P   Office of the Provincial People's Committee (its grants are province-wide)
//   D   a provincial department (decides some procedures)
//   C   the provincial public-administration service centre (receives, decides nothing)
//   X   commune People's Committee X, with its one-stop desk X1
//   Y   commune People's Committee Y, with its one-stop desk Y1
//   DX  the digital-transformation office

function grant(role: Role, agencyId: string, scope: string[], provinceWide?: boolean): RoleGrant {
  return { role, agencyId, scope: new Set(scope), ...(provinceWide === undefined ? {} : { provinceWide }) };
}

const ACTORS = {
  citizen: [],
  otherCitizen: [],
  counterC: [grant('counter_officer', 'C', ['C'])],
  counterX1: [grant('counter_officer', 'X1', ['X1'])],
  // A department's own desk: receives nothing here, but follows what its department decides.
  counterD: [grant('counter_officer', 'D', ['D'])],
  specialistD: [grant('specialist', 'D', ['D'])],
  specialistX: [grant('specialist', 'X', ['X', 'X1'])],
  specialistY: [grant('specialist', 'Y', ['Y', 'Y1'])],
  leaderD: [grant('leader', 'D', ['D'])],
  leaderX: [grant('leader', 'X', ['X', 'X1'])],
  leaderY: [grant('leader', 'Y', ['Y', 'Y1'])],
  leaderC: [grant('leader', 'C', ['C'])],
  provincialLeader: [grant('leader', 'P', ['P'], true)],
  // province-wide flag without the leader role: must give nothing.
  officeSpecialist: [grant('specialist', 'P', ['P'], true)],
  agencyAdminX: [grant('agency_admin', 'X', ['X', 'X1'])],
  agencyAdminD: [grant('agency_admin', 'D', ['D'])],
  dxOffice: [grant('dx_office', 'DX', ['DX'])],
  systemAdmin: [grant('system_admin', 'P', ['P'])],
  // Two roles in two agencies: each role counts only in its own agency.
  leaderXAdminY: [grant('leader', 'X', ['X', 'X1']), grant('agency_admin', 'Y', ['Y', 'Y1'])],
} satisfies Record<string, RoleGrant[]>;

type ActorName = keyof typeof ACTORS;
const actor = (name: ActorName): Actor => ({ personId: name, grants: ACTORS[name] });

const RESOURCES = {
  // received at the provincial centre, decided by the department, assigned to specialistD
  dossierCD: {
    type: 'dossier',
    applicantId: 'citizen',
    receivingAgencyId: 'C',
    competentAgencyId: 'D',
    handlerId: 'specialistD',
  },
  // received at commune X's desk, decided by commune X, not yet assigned
  dossierX1X: {
    type: 'dossier',
    applicantId: 'citizen',
    receivingAgencyId: 'X1',
    competentAgencyId: 'X',
    handlerId: null,
  },
  // received at commune X's desk, decided by the department (cross-agency routing)
  dossierX1D: {
    type: 'dossier',
    applicantId: 'citizen',
    receivingAgencyId: 'X1',
    competentAgencyId: 'D',
    handlerId: null,
  },
  // received at Y1 for someone without an account (no applicant), decided by Y,
  // currently at an inter-agency step handled by the department's specialist
  dossierY1Y: {
    type: 'dossier',
    applicantId: null,
    receivingAgencyId: 'Y1',
    competentAgencyId: 'Y',
    handlerId: 'specialistD',
  },
  personCitizen: { type: 'person', id: 'citizen' },
  personOtherCitizen: { type: 'person', id: 'otherCitizen' },
  personCounterC: { type: 'person', id: 'counterC' },
  agencyD: { type: 'agency', id: 'D' },
  agencyC: { type: 'agency', id: 'C' },
  agencyX: { type: 'agency', id: 'X' },
  agencyX1: { type: 'agency', id: 'X1' },
  agencyY: { type: 'agency', id: 'Y' },
  agencyP: { type: 'agency', id: 'P' },
  statsProvince: { type: 'statistics', agencyId: null },
  statsP: { type: 'statistics', agencyId: 'P' },
  statsD: { type: 'statistics', agencyId: 'D' },
  statsC: { type: 'statistics', agencyId: 'C' },
  statsX: { type: 'statistics', agencyId: 'X' },
  statsX1: { type: 'statistics', agencyId: 'X1' },
  statsY: { type: 'statistics', agencyId: 'Y' },
  dxProvince: { type: 'dx', agencyId: null },
  dxD: { type: 'dx', agencyId: 'D' },
  dxX: { type: 'dx', agencyId: 'X' },
  platform: { type: 'platform' },
} satisfies Record<string, Resource>;

type ResourceName = keyof typeof RESOURCES;

// ---------------------------------------------------------------------------------------
// The expected matrix, written out by hand. For each actor: the resources they may act on
// and the actions allowed there. Every (actor, action, resource) not listed must be denied,
// so any change to the policy that widens or narrows access fails this test.

type Expected = Partial<Record<ResourceName, Action[]>>;

const APPLICANT_ON_DOSSIER: Action[] = [
  'dossier.view',
  'dossier.withdraw',
  'dossier.rate',
  'dossier.supplement',
];

const EXPECTED: Record<ActorName, Expected> = {
  citizen: {
    // their three dossiers, wherever received and whoever decides
    dossierCD: APPLICANT_ON_DOSSIER,
    dossierX1X: APPLICANT_ON_DOSSIER,
    dossierX1D: APPLICANT_ON_DOSSIER,
    // their own data; not other people's
    personCitizen: ['person.view_personal_data', 'person.update'],
  },
  otherCitizen: {
    // nothing of the citizen's dossiers; only their own data
    personOtherCitizen: ['person.view_personal_data', 'person.update'],
  },

  counterC: {
    // took it in: view, receive, return (even though D decides)
    dossierCD: ['dossier.view', 'dossier.receive', 'dossier.return'],
    // staff are people too: own data, and as a desk: look up any applicant (audited)
    personCounterC: ['person.view_personal_data', 'person.update', 'person.lookup'],
    personCitizen: ['person.lookup'],
    personOtherCitizen: ['person.lookup'],
  },
  counterX1: {
    // both dossiers received at X1, whoever decides
    dossierX1X: ['dossier.view', 'dossier.receive', 'dossier.return'],
    dossierX1D: ['dossier.view', 'dossier.receive', 'dossier.return'],
    personCitizen: ['person.lookup'],
    personOtherCitizen: ['person.lookup'],
    personCounterC: ['person.lookup'],
  },
  counterD: {
    // D decides them but did not receive them: follow only
    dossierCD: ['dossier.view'],
    dossierX1D: ['dossier.view'],
    personCitizen: ['person.lookup'],
    personOtherCitizen: ['person.lookup'],
    personCounterC: ['person.lookup'],
  },

  specialistD: {
    dxD: ['dx.view', 'dx.report'],
    // D decides these
    dossierCD: ['dossier.view', 'dossier.process'],
    dossierX1D: ['dossier.view', 'dossier.process'],
    // assigned to them at an inter-agency step in Y: sees it, may not process it
    dossierY1Y: ['dossier.view'],
  },
  specialistX: {
    dxX: ['dx.view', 'dx.report'],
    // X decides it; X1 receiving dossierX1D gives a specialist nothing
    dossierX1X: ['dossier.view', 'dossier.process'],
  },
  specialistY: {
    dossierY1Y: ['dossier.view', 'dossier.process'],
  },

  leaderD: {
    dxD: ['dx.view', 'dx.report'],
    dxProvince: ['dx.view'],
    dossierCD: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    dossierX1D: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    agencyD: ['agency.view_staff'],
    statsD: ['statistics.view'],
  },
  leaderX: {
    dxX: ['dx.view', 'dx.report'],
    dxProvince: ['dx.view'],
    dossierX1X: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    // received at its desk X1, decided by D: watch only
    dossierX1D: ['dossier.view'],
    agencyX: ['agency.view_staff'],
    agencyX1: ['agency.view_staff'],
    statsX: ['statistics.view'],
    statsX1: ['statistics.view'],
  },
  leaderY: {
    dxProvince: ['dx.view'],
    dossierY1Y: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    agencyY: ['agency.view_staff'],
    statsY: ['statistics.view'],
  },
  leaderC: {
    dxProvince: ['dx.view'],
    // the service centre's director watches its intake, decides nothing
    dossierCD: ['dossier.view'],
    agencyC: ['agency.view_staff'],
    statsC: ['statistics.view'],
  },
  provincialLeader: {
    dxProvince: ['dx.view'],
    // province-wide figures plus its own agency; no dossiers (none decided in P)
    statsProvince: ['statistics.view'],
    statsP: ['statistics.view'],
    agencyP: ['agency.view_staff'],
  },
  officeSpecialist: {},

  agencyAdminX: {
    agencyX: ['agency.view_staff', 'agency.manage_staff'],
    agencyX1: ['agency.view_staff', 'agency.manage_staff'],
  },
  agencyAdminD: {
    agencyD: ['agency.view_staff', 'agency.manage_staff'],
  },

  dxOffice: {
    // runs the plan and scorecards everywhere
    dxProvince: ['dx.view', 'dx.manage'],
    dxD: ['dx.view', 'dx.manage'],
    dxX: ['dx.view', 'dx.manage'],
    // every figure, no record
    statsProvince: ['statistics.view'],
    statsP: ['statistics.view'],
    statsD: ['statistics.view'],
    statsC: ['statistics.view'],
    statsX: ['statistics.view'],
    statsX1: ['statistics.view'],
    statsY: ['statistics.view'],
  },

  systemAdmin: {
    platform: ['platform.manage_clients', 'platform.view_audit', 'platform.manage_settings'],
    agencyD: ['agency.view_staff', 'agency.manage_staff'],
    agencyC: ['agency.view_staff', 'agency.manage_staff'],
    agencyX: ['agency.view_staff', 'agency.manage_staff'],
    agencyX1: ['agency.view_staff', 'agency.manage_staff'],
    agencyY: ['agency.view_staff', 'agency.manage_staff'],
    agencyP: ['agency.view_staff', 'agency.manage_staff'],
    // may fix anyone's account, never read their data; no dossiers, no statistics
    personCitizen: ['person.update'],
    personOtherCitizen: ['person.update'],
    personCounterC: ['person.update'],
  },

  leaderXAdminY: {
    dxX: ['dx.view', 'dx.report'],
    dxProvince: ['dx.view'],
    // leader rights in X only
    dossierX1X: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    dossierX1D: ['dossier.view'],
    agencyX: ['agency.view_staff'],
    agencyX1: ['agency.view_staff'],
    statsX: ['statistics.view'],
    statsX1: ['statistics.view'],
    // admin rights in Y only: staff yes, Y's dossiers and statistics no
    agencyY: ['agency.view_staff', 'agency.manage_staff'],
  },
};

// ---------------------------------------------------------------------------------------

const actorNames = Object.keys(ACTORS) as ActorName[];
const resourceNames = Object.keys(RESOURCES) as ResourceName[];

/** "resource: action" lines, sorted, so a failure shows exactly which triples differ. */
function lines(entries: [ResourceName, readonly Action[]][]): string[] {
  return entries.flatMap(([resource, actions]) => actions.map((action) => `${resource}: ${action}`)).sort();
}

describe('authorization matrix (actor × action × resource)', () => {
  it.each(actorNames)('%s may do exactly what the table says, nothing more', (name) => {
    const who = actor(name);
    const actual = lines(
      resourceNames.map((resource) => [
        resource,
        ACTIONS.filter((action) => can(who, action, RESOURCES[resource])),
      ]),
    );
    const expected = lines(Object.entries(EXPECTED[name]) as [ResourceName, Action[]][]);
    expect(actual).toEqual(expected);
  });

  it('covers every role, every resource type and every action', () => {
    const heldRoles = new Set(Object.values(ACTORS).flatMap((grants) => grants.map((g) => g.role)));
    expect([...ROLES].filter((role) => !heldRoles.has(role))).toEqual([]);
    const types = new Set(Object.values(RESOURCES).map((r) => r.type));
    expect([...types].sort()).toEqual(Object.keys(ACTIONS_BY_RESOURCE).sort());
    // every action is allowed to someone in this organisation, so none is tested only as "denied"
    const allowedSomewhere = new Set(Object.values(EXPECTED).flatMap((e) => Object.values(e).flat()));
    expect(ACTIONS.filter((action) => !allowedSomewhere.has(action))).toEqual([]);
    // 19 actors × 21 actions × 24 resources
    expect(actorNames.length * ACTIONS.length * resourceNames.length).toBe(9576);
  });
});

describe('actions', () => {
  it('are grouped by the resource type they are prefixed with, each once', () => {
    for (const [type, actions] of Object.entries(ACTIONS_BY_RESOURCE)) {
      for (const action of actions) expect(action.startsWith(`${type}.`)).toBe(true);
    }
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(ACTIONS.length).toBe(21);
  });
});

describe('allowedActions', () => {
  it('gives the applicant view, withdraw, rate and supplement on their dossier', () => {
    expect(allowedActions(actor('citizen'), RESOURCES.dossierX1D)).toEqual([
      'dossier.view',
      'dossier.withdraw',
      'dossier.rate',
      'dossier.supplement',
    ]);
  });

  it("gives the receiving desk's counter officer view, receive and return", () => {
    expect(allowedActions(actor('counterX1'), RESOURCES.dossierX1D)).toEqual([
      'dossier.view',
      'dossier.receive',
      'dossier.return',
    ]);
  });

  it("gives the competent leader view, assign and approve, the receiving desk's leader view", () => {
    expect(allowedActions(actor('leaderD'), RESOURCES.dossierX1D)).toEqual([
      'dossier.view',
      'dossier.assign',
      'dossier.approve',
    ]);
    expect(allowedActions(actor('leaderX'), RESOURCES.dossierX1D)).toEqual(['dossier.view']);
  });

  it('gives the system admin update but not view on a citizen, and nothing on a dossier', () => {
    expect(allowedActions(actor('systemAdmin'), RESOURCES.personCitizen)).toEqual(['person.update']);
    expect(allowedActions(actor('systemAdmin'), RESOURCES.dossierCD)).toEqual([]);
  });

  it('gives nothing to a stranger to the dossier', () => {
    expect(allowedActions(actor('otherCitizen'), RESOURCES.dossierCD)).toEqual([]);
  });

  it('only offers actions of the resource type', () => {
    expect(allowedActions(actor('systemAdmin'), RESOURCES.platform)).toEqual([
      'platform.manage_clients',
      'platform.view_audit',
      'platform.manage_settings',
    ]);
  });
});

describe('deny by default on bad input', () => {
  it('denies an unknown action and a grant with a role this code does not know', () => {
    expect(can(actor('systemAdmin'), 'platform.delete_everything' as Action, RESOURCES.platform)).toBe(false);
    const stale: Actor = {
      personId: 'someone',
      grants: [{ role: 'super_user' as Role, agencyId: 'D', scope: new Set(['D']) }],
    };
    expect(ACTIONS.some((action) => resourceNames.some((r) => can(stale, action, RESOURCES[r])))).toBe(false);
    const inherited: Actor = { ...stale, grants: [{ ...stale.grants[0]!, role: 'constructor' as Role }] };
    expect(can(inherited, 'dossier.view', RESOURCES.dossierCD)).toBe(false);
  });

  it('scopes by the grant scope, not by the agency id alone', () => {
    // the caller forgot to put the agency in its own scope: nothing is granted
    const noScope: Actor = {
      personId: 'leader',
      grants: [{ role: 'leader', agencyId: 'D', scope: new Set() }],
    };
    expect(can(noScope, 'dossier.approve', RESOURCES.dossierCD)).toBe(false);
  });
});
