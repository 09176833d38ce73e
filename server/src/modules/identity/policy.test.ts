import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTIONS_BY_RESOURCE,
  type AccountRecord,
  type Action,
  type Actor,
  allowedActions,
  can,
  OPERATIONAL_ROLES,
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

const ACCOUNTS = {
  citizen: { id: 'citizen', roles: [], lastSystemAdmin: false },
  specialistD: { id: 'specialistD', roles: [{ role: 'specialist', agencyId: 'D' }], lastSystemAdmin: false },
  counterX1: {
    id: 'counterX1',
    roles: [{ role: 'counter_officer', agencyId: 'X1' }],
    lastSystemAdmin: false,
  },
  agencyAdminD: {
    id: 'agencyAdminD',
    roles: [{ role: 'agency_admin', agencyId: 'D' }],
    lastSystemAdmin: false,
  },
  rootAdmin: { id: 'rootAdmin', roles: [{ role: 'system_admin', agencyId: 'P' }], lastSystemAdmin: true },
} satisfies Record<string, AccountRecord>;
const ALL_ACCOUNT_ACTIONS: Action[] = [
  'account.unlock',
  'account.disable',
  'account.enable',
  'account.end_sessions',
];

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
  // Accounts and roles as administration sees them (rootAdmin: the province's only active system admin).
  accountCitizen: { type: 'account', ...ACCOUNTS.citizen },
  accountSpecialistD: { type: 'account', ...ACCOUNTS.specialistD },
  accountCounterX1: { type: 'account', ...ACCOUNTS.counterX1 },
  accountAgencyAdminD: { type: 'account', ...ACCOUNTS.agencyAdminD },
  accountLastSystemAdmin: { type: 'account', ...ACCOUNTS.rootAdmin },
  roleLeaderDForSpecialistD: { type: 'role', role: 'leader', agencyId: 'D', holder: ACCOUNTS.specialistD },
  roleAgencyAdminDForSpecialistD: {
    type: 'role',
    role: 'agency_admin',
    agencyId: 'D',
    holder: ACCOUNTS.specialistD,
  },
  // The attack of issue 25: an agency admin pulls the system admin into its agency.
  roleSpecialistDForLastSystemAdmin: {
    type: 'role',
    role: 'specialist',
    agencyId: 'D',
    holder: ACCOUNTS.rootAdmin,
  },
  roleSystemAdminOfLastSystemAdmin: {
    type: 'role',
    role: 'system_admin',
    agencyId: 'P',
    holder: ACCOUNTS.rootAdmin,
  },
  roleSpecialistDForNewAccount: { type: 'role', role: 'specialist', agencyId: 'D', holder: null },
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
    // the desk X1 is part of commune X: its staff are X's to manage
    accountCounterX1: ALL_ACCOUNT_ACTIONS,
  },
  agencyAdminD: {
    agencyD: ['agency.view_staff', 'agency.manage_staff'],
    // its own specialist, and operational roles in D; never an admin role, never the system admin
    accountSpecialistD: ALL_ACCOUNT_ACTIONS,
    roleLeaderDForSpecialistD: ['role.grant', 'role.revoke'],
    roleSpecialistDForNewAccount: ['role.grant'],
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
    // every account, but the last system admin is neither disabled nor demoted
    accountCitizen: ALL_ACCOUNT_ACTIONS,
    accountSpecialistD: ALL_ACCOUNT_ACTIONS,
    accountCounterX1: ALL_ACCOUNT_ACTIONS,
    accountAgencyAdminD: ALL_ACCOUNT_ACTIONS,
    accountLastSystemAdmin: ['account.unlock', 'account.enable', 'account.end_sessions'],
    roleLeaderDForSpecialistD: ['role.grant', 'role.revoke'],
    roleAgencyAdminDForSpecialistD: ['role.grant', 'role.revoke'],
    roleSpecialistDForLastSystemAdmin: ['role.grant', 'role.revoke'],
    roleSystemAdminOfLastSystemAdmin: ['role.grant'],
    roleSpecialistDForNewAccount: ['role.grant'],
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
    // 19 actors × 27 actions × 34 resources
    expect(actorNames.length * ACTIONS.length * resourceNames.length).toBe(17442);
  });
});

describe('actions', () => {
  it('are grouped by the resource type they are prefixed with, each once', () => {
    for (const [type, actions] of Object.entries(ACTIONS_BY_RESOURCE)) {
      for (const action of actions) expect(action.startsWith(`${type}.`)).toBe(true);
    }
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(ACTIONS.length).toBe(27);
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

// ---------------------------------------------------------------------------------------
// Identity administration (issue 25, findings 1 and 2): every admin verb × actor × target.
// Actors are named by their relation to the target; each row lists what that actor may do.

describe('account administration matrix (verb × actor × target)', () => {
  const TARGETS = {
    citizen: { id: 't-citizen', roles: [], lastSystemAdmin: false },
    officialOfD: {
      id: 't-specialist-d',
      roles: [{ role: 'specialist', agencyId: 'D' }],
      lastSystemAdmin: false,
    },
    // the one-stop desk X1 belongs to commune X
    officialOfX: {
      id: 't-counter-x1',
      roles: [{ role: 'counter_officer', agencyId: 'X1' }],
      lastSystemAdmin: false,
    },
    // works for D and for X: neither agency's admin may manage them alone
    officialOfDAndX: {
      id: 't-leader-dx',
      roles: [
        { role: 'leader', agencyId: 'D' },
        { role: 'specialist', agencyId: 'X' },
      ],
      lastSystemAdmin: false,
    },
    peerAdminOfD: {
      id: 't-admin-d',
      roles: [{ role: 'agency_admin', agencyId: 'D' }],
      lastSystemAdmin: false,
    },
    lastSystemAdmin: {
      id: 't-root',
      roles: [{ role: 'system_admin', agencyId: 'P' }],
      lastSystemAdmin: true,
    },
  } satisfies Record<string, AccountRecord>;
  type Target = keyof typeof TARGETS;

  const SCOPE: Record<string, string[]> = { D: ['D'], X: ['X', 'X1'], X1: ['X1'], P: ['P'] };
  const ACTOR_KINDS = {
    adminOfD: () => ({ personId: 'a-admin-d', grants: [grant('agency_admin', 'D', SCOPE.D!)] }),
    adminOfX: () => ({ personId: 'a-admin-x', grants: [grant('agency_admin', 'X', SCOPE.X!)] }),
    // another system admin (the target "last system admin" is someone else)
    systemAdmin: () => ({ personId: 'a-sysadmin', grants: [grant('system_admin', 'P', SCOPE.P!)] }),
    // the target acting on their own account, with their own roles
    self: (t: AccountRecord): Actor => ({
      personId: t.id,
      grants: t.roles.map((r) => grant(r.role as Role, r.agencyId, SCOPE[r.agencyId]!)),
    }),
    citizen: () => ({ personId: 'a-citizen', grants: [] }),
  } satisfies Record<string, (t: AccountRecord) => Actor>;
  type ActorKind = keyof typeof ACTOR_KINDS;

  /** The verbs of the admin API, each as the policy question it asks about the target. */
  const VERBS = (t: AccountRecord): Record<string, Resource> => ({
    unlock: { type: 'account', ...t },
    disable: { type: 'account', ...t },
    enable: { type: 'account', ...t },
    end_sessions: { type: 'account', ...t },
    'grant leader@D': { type: 'role', role: 'leader', agencyId: 'D', holder: t },
    'grant leader@X': { type: 'role', role: 'leader', agencyId: 'X', holder: t },
    'grant agency_admin@D': { type: 'role', role: 'agency_admin', agencyId: 'D', holder: t },
    'grant system_admin@P': { type: 'role', role: 'system_admin', agencyId: 'P', holder: t },
    ...Object.fromEntries(
      t.roles.map((r) => [
        `revoke ${r.role}@${r.agencyId}`,
        { type: 'role', role: r.role as Role, agencyId: r.agencyId, holder: t } as Resource,
      ]),
    ),
  });
  const ACTION_OF: Record<string, Action> = {
    unlock: 'account.unlock',
    disable: 'account.disable',
    enable: 'account.enable',
    end_sessions: 'account.end_sessions',
  };
  const actionOf = (verb: string): Action =>
    ACTION_OF[verb] ?? (verb.startsWith('grant') ? 'role.grant' : 'role.revoke');

  const ACCOUNT_VERBS = ['unlock', 'disable', 'enable', 'end_sessions'];
  const GRANTS = ['grant leader@D', 'grant leader@X', 'grant agency_admin@D', 'grant system_admin@P'];
  const everything = (t: Target) => Object.keys(VERBS(TARGETS[t]));

  const EXPECTED_ADMIN: Record<Target, Record<ActorKind, string[]>> = {
    // Citizens are the system admin's to help (unlock, disable…), never an agency's.
    citizen: { adminOfD: [], adminOfX: [], systemAdmin: everything('citizen'), self: [], citizen: [] },
    officialOfD: {
      adminOfD: [...ACCOUNT_VERBS, 'grant leader@D', 'revoke specialist@D'],
      adminOfX: [],
      systemAdmin: everything('officialOfD'),
      self: [],
      citizen: [],
    },
    officialOfX: {
      adminOfD: [],
      adminOfX: [...ACCOUNT_VERBS, 'grant leader@X', 'revoke counter_officer@X1'],
      systemAdmin: everything('officialOfX'),
      self: [],
      citizen: [],
    },
    officialOfDAndX: {
      adminOfD: [],
      adminOfX: [],
      systemAdmin: everything('officialOfDAndX'),
      self: [],
      citizen: [],
    },
    peerAdminOfD: {
      adminOfD: [],
      adminOfX: [],
      systemAdmin: everything('peerAdminOfD'),
      self: [],
      citizen: [],
    },
    // Nobody disables or demotes the province's last active system admin.
    lastSystemAdmin: {
      adminOfD: [],
      adminOfX: [],
      systemAdmin: [...ACCOUNT_VERBS.filter((v) => v !== 'disable'), ...GRANTS],
      self: [],
      citizen: [],
    },
  };

  const cases = (Object.keys(TARGETS) as Target[]).flatMap((target) =>
    (Object.keys(ACTOR_KINDS) as ActorKind[]).map((kind) => [target, kind] as const),
  );

  it.each(cases)('on %s, %s may do exactly what the table says', (target, kind) => {
    const t = TARGETS[target];
    const who = ACTOR_KINDS[kind](t);
    const allowed = Object.entries(VERBS(t))
      .filter(([verb, resource]) => can(who, actionOf(verb), resource))
      .map(([verb]) => verb)
      .sort();
    expect(allowed).toEqual([...EXPECTED_ADMIN[target][kind]].sort());
  });

  it('refuses every verb on oneself, whatever one holds', () => {
    const superuser: Actor = {
      personId: 'me',
      grants: [grant('system_admin', 'P', ['P']), grant('agency_admin', 'D', ['D'])],
    };
    const me = { id: 'me', roles: [{ role: 'specialist', agencyId: 'D' }], lastSystemAdmin: false };
    for (const [verb, resource] of Object.entries(VERBS(me)))
      expect(can(superuser, actionOf(verb), resource), verb).toBe(false);
  });

  it('lets an agency admin create officials with operational roles of its own agency only', () => {
    const adminD = ACTOR_KINDS.adminOfD();
    const create = (role: Role, agencyId: string): Resource => ({
      type: 'role',
      role,
      agencyId,
      holder: null,
    });
    expect(OPERATIONAL_ROLES.map((r) => can(adminD, 'role.grant', create(r, 'D')))).toEqual([
      true,
      true,
      true,
    ]);
    for (const role of ['agency_admin', 'dx_office', 'system_admin'] as const)
      expect(can(adminD, 'role.grant', create(role, 'D')), role).toBe(false);
    expect(can(adminD, 'role.grant', create('specialist', 'X'))).toBe(false);
    // nothing to revoke from an account that does not exist yet
    expect(can(adminD, 'role.revoke', create('specialist', 'D'))).toBe(false);
  });
});
