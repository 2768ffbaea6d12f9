/** Jest global teardown: stops the PostgreSQL server started by global-setup.ts and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.pigstyGitopsTestPostgres;
  globalThis.pigstyGitopsTestPostgres = undefined;
  if (server !== undefined) await server.stop();
}
