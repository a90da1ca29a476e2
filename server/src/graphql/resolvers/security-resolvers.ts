import type { IResolvers } from 'mercurius';
import type { ClewContext } from '../context.js';
import { apiKeyResolvers } from './api-keys.js';
import { auditResolvers } from './audit.js';
import { authResolvers } from './auth.js';
import { unmaskResolvers } from './unmask.js';
import { userAdminResolvers } from './user-admin.js';

/** Accounts, keys, audit and unmasking, as one resolver map for graphql-plugin.ts. */
export const securityResolvers: IResolvers<unknown, ClewContext>[] = [authResolvers, userAdminResolvers, apiKeyResolvers, auditResolvers, unmaskResolvers];
