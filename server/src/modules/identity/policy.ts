/**
 * The authorization policy of the platform: who may do what to which record.
 *
 * Pure on purpose: a service loads the record and the caller's grants, then asks `can`
 * (to refuse) or `allowedActions` (so the response tells the web app which actions to
 * offer). The policy decides once, here, and is tested as a matrix in policy.test.ts.
 *
 * Deny by default: an action is allowed only when a row of `EVERYONE` or `BY_ROLE` says so.
 * A role row applies only through the grant that carries the role, so a leader of one
 * agency who is also an admin of another gets each role's rights in that role's agencies,
 * never a mix of the two.
 */

export const ROLES = [
  'counter_officer',
  'specialist',
  'leader',
  'agency_admin',
  'dx_office',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * One role held in one agency. `scope` = that agency's id plus the ids of all agencies
 * below it in the organisation tree (e.g. a commune People's Committee and its one-stop
 * desk), precomputed by the caller.
 */
export type RoleGrant = {
  role: Role;
  agencyId: string;
  scope: ReadonlySet<string>;
  /**
   * True when the grant's agency is the Provincial People's Committee or its Office.
   * Set by the caller from the organisation tree; only a leader's grant uses it.
   */
  provinceWide?: boolean;
};

/** Anyone signed in. A citizen has no grants. */
export type Actor = { personId: string; grants: readonly RoleGrant[] };

/**
 * The roles of an agency's own operational work. An agency admin hands out only these, and only
 * in its own agencies; `agency_admin`, `dx_office` and `system_admin` are granted by system admins.
 */
export const OPERATIONAL_ROLES: readonly Role[] = ['counter_officer', 'specialist', 'leader'];
const OPERATIONAL: ReadonlySet<string> = new Set(OPERATIONAL_ROLES);

/** An account as its administration sees it: whose it is and which roles it holds where. */
export type AccountRecord = {
  id: string;
  roles: readonly { role: string; agencyId: string }[];
  /**
   * True when this person is the only active holder of `system_admin`: disabling or demoting them
   * would leave the province without anyone who can administer the platform. Set by the caller.
   */
  lastSystemAdmin: boolean;
};

export type Resource =
  | {
      type: 'dossier';
      applicantId: string | null;
      /** The desk that took the dossier in. */
      receivingAgencyId: string;
      /** The authority that decides it; may differ from the receiving desk (routing by authority). */
      competentAgencyId: string;
      handlerId: string | null;
    }
  /** A person's personal data (CCCD, phone, address). */
  | { type: 'person'; id: string }
  /** An agency: its staff and role assignments, its settings. */
  | { type: 'agency'; id: string }
  /** `agencyId: null` = province-wide figures. */
  | { type: 'statistics'; agencyId: string | null }
  /**
   * The digital-transformation plan and scorecards: `agencyId` = the agency concerned (a task's
   * lead agency, an assessment's agency); null = the plan or criteria set as a whole.
   */
  | { type: 'dx'; agencyId: string | null }
  /** Province-wide administration: OIDC clients, audit trail, holiday schedule. */
  | { type: 'platform' }
  /** A person's account, as the target of an administrator's act (unlock, disable, …). */
  | ({ type: 'account' } & AccountRecord)
  /**
   * One role in one agency, granted to or revoked from `holder`; `holder: null` = an account being
   * created with this role (`role.grant` only).
   */
  | { type: 'role'; role: Role; agencyId: string; holder: AccountRecord | null };

export type ResourceType = Resource['type'];
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;

/** The actions, grouped by the kind of record they act on (the prefix is the resource type). */
export const ACTIONS_BY_RESOURCE = {
  dossier: [
    'dossier.view',
    /** Intake: check, issue the receipt, refuse at intake, request a supplement at intake. */
    'dossier.receive',
    /** Assign a handler, transfer. */
    'dossier.assign',
    /** Appraise, request a supplement, propose the result. */
    'dossier.process',
    /** Approve/sign the result, refuse to resolve, apology + extension. */
    'dossier.approve',
    /** Return the result. */
    'dossier.return',
    /** The applicant asks to stop. */
    'dossier.withdraw',
    /** The applicant rates the service after the return. */
    'dossier.rate',
    /** The applicant answers a supplement request. */
    'dossier.supplement',
  ],
  person: [
    'person.view_personal_data',
    'person.update',
    /** Find an applicant by CCCD at the counter and read their contact data (audited). */
    'person.lookup',
  ],
  agency: [
    'agency.view_staff',
    /** Create officials, grant and revoke roles. */
    'agency.manage_staff',
  ],
  statistics: ['statistics.view'],
  dx: [
    'dx.view',
    /** Plans, KPIs, criteria sets; reviewing and fixing scores: the DX office's work. */
    'dx.manage',
    /** Progress reports on the agency's own tasks; its self-assessment with evidence. */
    'dx.report',
  ],
  platform: ['platform.manage_clients', 'platform.view_audit', 'platform.manage_settings'],
  account: [
    /** Lift the lock after wrong passwords. */
    'account.unlock',
    /** Disable the account (its sessions end). */
    'account.disable',
    'account.enable',
    /** Sign the person out everywhere. */
    'account.end_sessions',
  ],
  role: ['role.grant', 'role.revoke'],
} as const satisfies { readonly [T in ResourceType]: readonly `${T}.${string}`[] };

export type ActionOn<T extends ResourceType> = (typeof ACTIONS_BY_RESOURCE)[T][number];
export type Action = ActionOn<ResourceType>;
export const ACTIONS: readonly Action[] = Object.values(ACTIONS_BY_RESOURCE).flat();

// ---------------------------------------------------------------------------------------
// Conditions: how a record relates to the caller. Named, so the rule tables read as prose.

type Condition<T extends ResourceType, Context> = (resource: ResourceOf<T>, context: Context) => boolean;
type ConditionTable<Context> = {
  readonly [T in ResourceType]?: Readonly<Record<string, Condition<T, Context>>>;
};

type PersonalContext = { actor: Actor };
type GrantContext = { actor: Actor; grant: RoleGrant };

/** Relations anyone signed in can have to a record, whatever their roles. */
const RELATIONS = {
  dossier: {
    // A dossier taken in at the counter for someone without an account has no applicant:
    // nobody may act as its applicant online.
    applicant: (dossier, { actor }) => dossier.applicantId !== null && dossier.applicantId === actor.personId,
  },
  person: {
    self: (person, { actor }) => person.id === actor.personId,
  },
} satisfies ConditionTable<PersonalContext>;

/** Relations through one grant: mostly "the record's agency is in that grant's scope". */
const SCOPES = {
  dossier: {
    receivedInScope: (dossier, { grant }) => grant.scope.has(dossier.receivingAgencyId),
    decidedInScope: (dossier, { grant }) => grant.scope.has(dossier.competentAgencyId),
    // Inter-agency steps can hand a dossier to an official outside the deciding agency.
    handledByCaller: (dossier, { actor }) =>
      dossier.handlerId !== null && dossier.handlerId === actor.personId,
  },
  person: {
    anyone: () => true,
  },
  agency: {
    inScope: (agency, { grant }) => grant.scope.has(agency.id),
    anyAgency: () => true,
  },
  statistics: {
    agencyInScope: (stats, { grant }) => stats.agencyId !== null && grant.scope.has(stats.agencyId),
    anyAgency: (stats) => stats.agencyId !== null,
    province: (stats) => stats.agencyId === null,
    provinceIfGrantIsProvinceWide: (stats, { grant }) =>
      stats.agencyId === null && grant.provinceWide === true,
  },
  dx: {
    agencyInScope: (dx, { grant }) => dx.agencyId !== null && grant.scope.has(dx.agencyId),
    anyAgency: (dx) => dx.agencyId !== null,
    province: (dx) => dx.agencyId === null,
  },
  platform: {
    always: () => true,
  },
  account: {
    // Staff of the grant's agencies and nothing else: every role they hold is an operational role
    // there. Someone with a role elsewhere, an admin role or no role at all (a citizen) is not the
    // agency's to manage; otherwise granting a role would pull any account into the agency.
    staffInScope: (account, { grant }) => isStaffOf(account, grant.scope),
    anyone: () => true,
    notLastSystemAdmin: (account) => !account.lastSystemAdmin,
  },
  role: {
    // An operational role of the grant's agencies, for its own staff or for a new account.
    operationalForStaffOrNew: (r, { grant }) =>
      OPERATIONAL.has(r.role) &&
      grant.scope.has(r.agencyId) &&
      (r.holder === null || isStaffOf(r.holder, grant.scope)),
    operationalForStaff: (r, { grant }) =>
      OPERATIONAL.has(r.role) &&
      grant.scope.has(r.agencyId) &&
      r.holder !== null &&
      isStaffOf(r.holder, grant.scope),
    anyRole: () => true,
    notDemotingLastSystemAdmin: (r) =>
      r.holder !== null && !(r.role === 'system_admin' && r.holder.lastSystemAdmin),
  },
} satisfies ConditionTable<GrantContext>;

function isStaffOf(account: AccountRecord, scope: ReadonlySet<string>): boolean {
  return (
    account.roles.length > 0 && account.roles.every((r) => OPERATIONAL.has(r.role) && scope.has(r.agencyId))
  );
}

/**
 * Separation of duties: nobody administers their own account or grants or revokes their own
 * roles (an admin who could would give themself a leader's access to citizens' files, or lock the
 * door behind them). Checked before any rule.
 */
function isOwnAccount(actor: Actor, resource: Resource): boolean {
  if (resource.type === 'account') return resource.id === actor.personId;
  if (resource.type === 'role') return resource.holder?.id === actor.personId;
  return false;
}

type Rule<Table> = {
  [T in keyof Table & ResourceType]: { on: T; when: keyof Table[T] & string; allow: readonly ActionOn<T>[] };
}[keyof Table & ResourceType];

// ---------------------------------------------------------------------------------------
// The rules.

/** Rights that come from being the person concerned, not from any role. */
const EVERYONE: readonly Rule<typeof RELATIONS>[] = [
  // The applicant follows their dossier and is the only one who speaks for it: withdrawing,
  // rating and answering a supplement request are the citizen's acts, never an official's.
  {
    on: 'dossier',
    when: 'applicant',
    allow: ['dossier.view', 'dossier.withdraw', 'dossier.rate', 'dossier.supplement'],
  },
  // Everyone sees and corrects their own personal data.
  { on: 'person', when: 'self', allow: ['person.view_personal_data', 'person.update'] },
];

/**
 * Rights per role. No role reads personal data by `person.view_personal_data`: officials
 * read an applicant's data through the dossier they work on (the dossier module decides),
 * never by browsing people.
 */
const BY_ROLE: { readonly [R in Role]: readonly Rule<typeof SCOPES>[] } = {
  counter_officer: [
    // The one-stop desk owns intake and return of what it took in, whoever decides it.
    {
      on: 'dossier',
      when: 'receivedInScope',
      allow: ['dossier.view', 'dossier.receive', 'dossier.return'],
    },
    // A desk inside the deciding agency follows its agency's dossiers, received elsewhere too.
    { on: 'dossier', when: 'decidedInScope', allow: ['dossier.view'] },
    // Any desk may receive any dossier of the province, so it may look up any applicant by
    // CCCD to prefill the intake; every lookup is written to the audit trail.
    { on: 'person', when: 'anyone', allow: ['person.lookup'] },
  ],
  specialist: [
    // Specialists draft their agency's DX progress reports and self-assessment.
    { on: 'dx', when: 'agencyInScope', allow: ['dx.view', 'dx.report'] },
    // Appraisal belongs to the competent authority; any of its specialists may pick it up.
    { on: 'dossier', when: 'decidedInScope', allow: ['dossier.view', 'dossier.process'] },
    // Whoever is assigned sees the dossier, even outside their agency (inter-agency steps);
    // processing it still needs the competent agency's grant.
    { on: 'dossier', when: 'handledByCaller', allow: ['dossier.view'] },
  ],
  leader: [
    // The leader of the competent authority assigns, decides and signs.
    {
      on: 'dossier',
      when: 'decidedInScope',
      allow: ['dossier.view', 'dossier.assign', 'dossier.approve'],
    },
    // The leader of a receiving desk (e.g. the service centre's director) watches its intake.
    { on: 'dossier', when: 'receivedInScope', allow: ['dossier.view'] },
    { on: 'statistics', when: 'agencyInScope', allow: ['statistics.view'] },
    { on: 'statistics', when: 'provinceIfGrantIsProvinceWide', allow: ['statistics.view'] },
    // Leaders answer for their agency's DX tasks and score, and read the province's plan.
    { on: 'dx', when: 'agencyInScope', allow: ['dx.view', 'dx.report'] },
    { on: 'dx', when: 'province', allow: ['dx.view'] },
    // Leaders see who works for them; changing it is the agency admin's job.
    { on: 'agency', when: 'inScope', allow: ['agency.view_staff'] },
  ],
  agency_admin: [
    // Manages accounts and roles of its own agencies only; no dossiers, no statistics.
    { on: 'agency', when: 'inScope', allow: ['agency.view_staff', 'agency.manage_staff'] },
    {
      on: 'account',
      when: 'staffInScope',
      allow: ['account.unlock', 'account.disable', 'account.enable', 'account.end_sessions'],
    },
    // Creates its officials with, and hands out, its agencies' operational roles only.
    { on: 'role', when: 'operationalForStaffOrNew', allow: ['role.grant'] },
    { on: 'role', when: 'operationalForStaff', allow: ['role.revoke'] },
  ],
  dx_office: [
    // Tracks the province's digital transformation: figures everywhere, records nowhere.
    { on: 'statistics', when: 'anyAgency', allow: ['statistics.view'] },
    { on: 'statistics', when: 'province', allow: ['statistics.view'] },
    // Runs the plan and the scorecards: defines them, reviews and fixes every agency's scores.
    { on: 'dx', when: 'province', allow: ['dx.view', 'dx.manage'] },
    { on: 'dx', when: 'anyAgency', allow: ['dx.view', 'dx.manage'] },
    { on: 'dx', when: 'agencyInScope', allow: ['dx.report'] },
  ],
  system_admin: [
    {
      on: 'platform',
      when: 'always',
      allow: ['platform.manage_clients', 'platform.view_audit', 'platform.manage_settings'],
    },
    // Separation of duties: admins manage accounts (and may fix a person's record, e.g. a
    // mistyped CCCD), but never read citizens' files or dossiers.
    { on: 'agency', when: 'anyAgency', allow: ['agency.view_staff', 'agency.manage_staff'] },
    { on: 'person', when: 'anyone', allow: ['person.update'] },
    // Every account (citizens' too) and every role, but the province keeps one active system admin.
    { on: 'account', when: 'anyone', allow: ['account.unlock', 'account.enable', 'account.end_sessions'] },
    { on: 'account', when: 'notLastSystemAdmin', allow: ['account.disable'] },
    { on: 'role', when: 'anyRole', allow: ['role.grant'] },
    { on: 'role', when: 'notDemotingLastSystemAdmin', allow: ['role.revoke'] },
  ],
};

// ---------------------------------------------------------------------------------------

/**
 * The tables are typed per resource type; evaluation only looks up a condition after
 * checking `rule.on === resource.type`, so erasing that typing here is sound.
 */
type ErasedTable<Context> = Partial<
  Record<ResourceType, Record<string, (r: Resource, c: Context) => boolean>>
>;
type ErasedRule = { on: ResourceType; when: string; allow: readonly Action[] };

function holds<Context>(
  table: ErasedTable<Context>,
  rule: ErasedRule,
  action: Action,
  resource: Resource,
  context: Context,
): boolean {
  if (rule.on !== resource.type || !rule.allow.includes(action)) return false;
  const condition = table[rule.on]?.[rule.when];
  return condition?.(resource, context) === true;
}

const relationTable = RELATIONS as unknown as ErasedTable<PersonalContext>;
const scopeTable = SCOPES as unknown as ErasedTable<GrantContext>;

/** May `actor` do `action` to `resource`? An action of another resource type is never allowed. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (isOwnAccount(actor, resource)) return false;
  if (EVERYONE.some((rule) => holds(relationTable, rule, action, resource, { actor }))) return true;
  return actor.grants.some(
    (grant) =>
      // A role unknown to this version of the code (stale data) grants nothing.
      Object.hasOwn(BY_ROLE, grant.role) &&
      BY_ROLE[grant.role].some((rule) => holds(scopeTable, rule, action, resource, { actor, grant })),
  );
}

/** The actions on this record `actor` may take, in `ACTIONS` order: what a response carries. */
export function allowedActions<R extends Resource>(actor: Actor, resource: R): ActionOn<R['type']>[] {
  const candidates: readonly Action[] = ACTIONS_BY_RESOURCE[resource.type];
  return candidates.filter((action) => can(actor, action, resource)) as ActionOn<R['type']>[];
}
