import { initialSchema } from './001-initial.js';

export interface Migration {
  /** Strictly increasing; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sql: string;
}

/** Every migration of schema `gitops`, in order. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
];
