import type { FastifyRequest } from 'fastify';

/**
 * What the platform asks of whoever signs people in and decides what they may do. The identity
 * module implements it (its sessions and its policy); the platform's own routes (the calendar's
 * schedule) use it without knowing any module.
 */
export type AccessGuard = {
  /**
   * The signed-in person, if the policy lets them administer the platform's settings (the
   * official schedule of days off); else a 401 or 403 problem is thrown.
   */
  requireSettingsAdmin(req: FastifyRequest): { personId: string };
};
